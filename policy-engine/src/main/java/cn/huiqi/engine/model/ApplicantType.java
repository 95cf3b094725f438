package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of body a policy document is addressed to (适用主体). */
public enum ApplicantType {
    /** 企业. */
    ENTERPRISE("enterprise"),
    /** 事业单位. */
    PUBLIC_INSTITUTION("public_institution"),
    /** 社会团体. */
    SOCIAL_ORGANIZATION("social_organization"),
    /** 行业组织. */
    INDUSTRY_ORGANIZATION("industry_organization"),
    /** 孵化载体. */
    INCUBATOR("incubator"),
    /** 创新平台. */
    INNOVATION_PLATFORM("innovation_platform"),
    /** 高等院校. */
    UNIVERSITY("university"),
    /** 科研院所. */
    RESEARCH_INSTITUTE("research_institute"),
    /** 县（市）区、开发区: local governments and development zones. */
    LOCAL_GOVERNMENT("local_government"),
    /** 金融机构、投资机构. */
    FINANCIAL_INSTITUTION("financial_institution"),
    /** 科技中介机构. */
    INTERMEDIARY("intermediary"),
    /** 自然人 (e.g. 技术经纪人). */
    NATURAL_PERSON("natural_person");

    private final String code;

    ApplicantType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ApplicantType> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
