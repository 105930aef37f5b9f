package org.pdcaledger.command.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            市民张先生（13812345678）反映窗口排队时间过长                | 市民张先生（[手机号]）反映窗口排队时间过长
            联系电话：138-1234-5678，希望尽快回复                       | 联系电话：[手机号]，希望尽快回复
            回访号码 139 1234 5678 已接通                               | 回访号码 [手机号] 已接通
            来电号码+86 150 1234 5678，要求回电                         | 来电号码[手机号]，要求回电
            来电号码+86-15012345678                                     | 来电号码[手机号]
            号码（+86）18612345678                                      | 号码[手机号]
            号码0086 17712345678                                        | 号码[手机号]
            号码8619912345678                                           | 号码[手机号]
            手机：１３８１２３４５６７８，微信同号                      | 手机：[手机号]，微信同号
            两个号码13812345678和15987654321都打不通                    | 两个号码[手机号]和[手机号]都打不通
            """)
    void mobileNumbers_areMasked_inEveryCommonNotation(String text, String masked) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            本人身份证号110101199003071234，办理居住证被拒             | 本人身份证号[身份证号]，办理居住证被拒
            身份证号码：11010519491231002X                              | 身份证号码：[身份证号]
            身份证号码：11010519491231002x，请核实                      | 身份证号码：[身份证号]，请核实
            证件号 110101 19900307 1234 已提交                          | 证件号 [身份证号] 已提交
            老身份证号110101900307123仍在使用                           | 老身份证号[身份证号]仍在使用
            身份证４４０３０５１９８５０６１５２２１Ｘ                    | 身份证[身份证号]
            """)
    void idCardNumbers_areMasked_bothForms_withXAndSpaces(String text, String masked) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            办公电话010-12345678无人接听                                | 办公电话[电话]无人接听
            拨打（0755）83123456一直占线                                | 拨打[电话]一直占线
            座机0755 8312 3456                                          | 座机[电话]
            电话020-87654321转8001                                      | 电话[电话]
            邮箱zhang.san@example.com没有收到回复                       | 邮箱[邮箱]没有收到回复
            """)
    void landlinesAndEmailAddresses_areMasked(String text, String masked) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "通过12345热线反映：办事大厅周末不开放",
            "工单编号GD2026031200001，办理时间由15天缩短到5天",
            "订单号9138123456789012查询不到",
            "咨询服务热线400-681-9001",
            "2026-03-12上午到窗口办理，缴费1380元",
            "统一社会信用代码91440300MA5F12345X",
            "银行卡6222021234567890123无法绑定"
    })
    void numbersThatAreNotPersonal_stayAsTheyAre(String text) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "张先生13812345678身份证110101199003071234电话010-12345678",
            "号码+86 150 1234 5678"
    })
    void masking_isIdempotent(String text) {
        String once = PersonalDataMask.mask(text);
        assertThat(once).doesNotContainPattern("[0-9]{7,}");
        assertThat(PersonalDataMask.mask(once)).isEqualTo(once);
    }
}
