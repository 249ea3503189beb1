package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectFilterTest {

    @Test
    void shouldAcceptTitleOnVaultsWhenSentAsTheSdksDo() {
        ConnectFilter filter =
                ConnectFilter.parse("title eq \"Infrastructure\"", ConnectFilter.VAULT_ATTRIBUTES, false);

        assertThat(filter.matches("Infrastructure")).isTrue();
        assertThat(filter.matches("infrastructure")).isFalse();
    }

    @Test
    void shouldMatchCaseInsensitiveSubstringWhenOperatorIsCo() {
        ConnectFilter filter = ConnectFilter.parse("title co \"S3-con\"", ConnectFilter.ITEM_ATTRIBUTES, true);

        assertThat(filter.operator()).isEqualTo(ConnectFilter.Operator.CO);
        assertThat(filter.matches("loki-s3-config")).isTrue();
        assertThat(filter.matches("loki")).isFalse();
    }

    @Test
    void shouldUnescapeQuotesAndBackslashesWhenValueHasThem() {
        ConnectFilter filter = ConnectFilter.parse("tag eq \"a\\\"b\\\\c\"", ConnectFilter.ITEM_ATTRIBUTES, true);

        assertThat(filter.value()).isEqualTo("a\"b\\c");
    }

    @Test
    void shouldRefuseWithTheExpectedFormsWhenAttributeOrOperatorIsUnknown() {
        assertThatThrownBy(() -> ConnectFilter.parse("name co \"x\"", ConnectFilter.VAULT_ATTRIBUTES, false))
                .isInstanceOf(ConnectError.class)
                .hasMessageContaining("'co' not supported")
                .hasMessageContaining("name|title eq");
        assertThatThrownBy(() -> ConnectFilter.parse("label eq \"x\"", ConnectFilter.ITEM_ATTRIBUTES, true))
                .hasMessageContaining("cannot filter by 'label'");
        assertThatThrownBy(() -> ConnectFilter.parse("title sw \"x\"", ConnectFilter.ITEM_ATTRIBUTES, true))
                .hasMessageContaining("operator 'sw' not supported");
        assertThatThrownBy(() -> ConnectFilter.parse("title eq x", ConnectFilter.ITEM_ATTRIBUTES, true))
                .satisfies(e -> assertThat(((ConnectError) e).status()).isEqualTo(400));
    }
}
