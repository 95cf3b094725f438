package cn.huiqi.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The sum over the items of a claim (products, contracts, persons), each computed by the same formula and limited by
 * its own cap, e.g. "按…实际销售额的5%予以补助，单个产品最高不超过50万元". Items that do not meet {@code where} count for
 * nothing. Facts inside are the item's fields ({@code item.*}).
 *
 * @param itemCap the per-item limit (scope {@link CapScope#ITEM}), applied to each item on its own
 */
public record ForEachItem(String path, FactDefinition items, Optional<Condition> where, AwardFormula formula,
        Optional<Cap> itemCap, Optional<Bilingual> label) implements AwardFormula {

    public ForEachItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(items, "items");
        if (items.type() != FactType.ITEMS) {
            throw new IllegalArgumentException("for_each_item reads an items fact: " + items.name());
        }
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(itemCap, "itemCap");
        itemCap.ifPresent(c -> {
            if (c.scope() != CapScope.ITEM) {
                throw new IllegalArgumentException("an item's cap has scope item: " + c.id());
            }
        });
        Objects.requireNonNull(label, "label");
    }
}
