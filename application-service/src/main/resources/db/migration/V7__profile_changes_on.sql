-- The first day after the last announcement of an enterprise's profile on which a recognition or a 失信 record starts
-- or lapses, so that what eligibility sees (enterprise.qualifications, creditBlocked) changes: the profile is announced
-- again that day by the validity sweep. NULL: nothing dated lies ahead.
ALTER TABLE enterprise ADD COLUMN profile_changes_on date;
CREATE INDEX enterprise_profile_changes_on ON enterprise (profile_changes_on) WHERE profile_changes_on IS NOT NULL;
