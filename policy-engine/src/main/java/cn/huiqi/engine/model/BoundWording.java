package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The words a policy uses for a bound, recorded beside the operator so a reader can check the encoding against the
 * text. The loader rejects an operator the wording does not allow.
 *
 * <p>
 * By 《民法典》第一千二百五十九条 "以上、以下、以内、届满" include the number itself and "不满、超过、以外" do not; policy
 * documents follow that usage:
 * <table>
 * <caption>wording → operator</caption>
 * <tr><th>wording</th><th>operator</th><th>bound</th></tr>
 * <tr><td>以上, 达到, 满, 届满, 不低于, 不少于, 至少</td><td>ge</td><td>included</td></tr>
 * <tr><td>以下, 以内, 不超过, 不高于, 最高</td><td>le</td><td>included</td></tr>
 * <tr><td>超, 超过, 高于, 大于, 突破</td><td>gt</td><td>excluded</td></tr>
 * <tr><td>不满, 未达到, 低于, 少于, 小于</td><td>lt</td><td>excluded</td></tr>
 * <tr><td>含 ("200㎡（含）")</td><td>ge or le</td><td>included</td></tr>
 * <tr><td>不含</td><td>gt or lt</td><td>excluded</td></tr>
 * </table>
 */
public enum BoundWording {
    YI_SHANG("以上", Operator.GE), DA_DAO("达到", Operator.GE), MAN("满", Operator.GE), JIE_MAN("届满", Operator.GE), BU_DI_YU(
            "不低于", Operator.GE), BU_SHAO_YU("不少于", Operator.GE), ZHI_SHAO("至少", Operator.GE), YI_XIA("以下",
                    Operator.LE), YI_NEI("以内", Operator.LE), BU_CHAO_GUO("不超过", Operator.LE), BU_GAO_YU("不高于",
                            Operator.LE), ZUI_GAO("最高", Operator.LE), CHAO("超", Operator.GT), CHAO_GUO("超过",
                                    Operator.GT), GAO_YU("高于", Operator.GT), DA_YU("大于",
                                            Operator.GT), TU_PO("突破", Operator.GT), BU_MAN("不满",
                                                    Operator.LT), WEI_DA_DAO("未达到", Operator.LT), DI_YU("低于",
                                                            Operator.LT), SHAO_YU("少于", Operator.LT), XIAO_YU("小于",
                                                                    Operator.LT), HAN("含", Operator.GE,
                                                                            Operator.LE), BU_HAN(
                                                                                    "不含", Operator.GT, Operator.LT);

    private final String token;
    private final Set<Operator> operators;

    BoundWording(String token, Operator first, Operator... rest) {
        this.token = token;
        this.operators = EnumSet.of(first, rest);
    }

    /** The words as they appear in the policy text. */
    public String token() {
        return token;
    }

    /** The operators this wording can mean. */
    public Set<Operator> operators() {
        return operators;
    }

    public boolean includesBound() {
        return operators.contains(Operator.GE) || operators.contains(Operator.LE);
    }

    public static Optional<BoundWording> fromToken(String token) {
        return Arrays.stream(values()).filter(v -> v.token.equals(token)).findFirst();
    }
}
