package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void passwordsAreMaskedWhereverTheUrlPutsThem() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/sweeps?user=ana&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/sweeps?user=ana&password=***&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:h2:file:/x/db;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/x/db;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(JdbcUrls.mask("jdbc:postgresql://ana:s3cret@db/sweeps"))
                .isEqualTo("jdbc:postgresql://ana:***@db/sweeps");
        assertThat(JdbcUrls.mask("jdbc:h2:file:~/.sweeper/sweeper")).isEqualTo("jdbc:h2:file:~/.sweeper/sweeper");
    }

    @Test
    void passwordsAreMaskedHoweverTheKeyIsWritten() {
        assertThat(JdbcUrls.mask("jdbc:h2:file:/tmp/x;USER=sa; PASSWORD = Secret"))
                .isEqualTo("jdbc:h2:file:/tmp/x;USER=sa; PASSWORD = ***");
        assertThat(JdbcUrls.mask("jdbc:h2:file:/tmp/x;PassWord =Se&cret;MODE=X"))
                .isEqualTo("jdbc:h2:file:/tmp/x;PassWord =***;MODE=X");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/s?PASSWORD=Secret&user=a&sslpassword=Key"))
                .isEqualTo("jdbc:postgresql://db/s?PASSWORD=***&user=a&sslpassword=***");
        assertThat(JdbcUrls.password("jdbc:h2:file:/tmp/x;USER=sa; PASSWORD = Secret ;MODE=X")).contains("Secret");
        assertThat(JdbcUrls.password("jdbc:h2:file:/tmp/x;PASSWORD=Se&cret")).contains("Se&cret");
    }

    @Test
    void thePasswordIsFoundToScrubItFromDriverMessages() {
        assertThat(JdbcUrls.password("jdbc:postgresql://db/s?password=s3cret&user=a")).contains("s3cret");
        assertThat(JdbcUrls.password("jdbc:postgresql://ana:s3cret@db/s")).contains("s3cret");
        assertThat(JdbcUrls.password("jdbc:h2:file:/x/db")).isEmpty();
    }

    @Test
    void h2FileUrlsNameTheirMvDbFile() {
        String home = System.getProperty("user.home");
        assertThat(JdbcUrls.h2File(Store.DEFAULT_URL)).contains(Path.of(home, ".sweeper", "sweeper.mv.db"));
        assertThat(JdbcUrls.h2File("jdbc:h2:/data/runs;MODE=PostgreSQL")).contains(Path.of("/data/runs.mv.db"));
        assertThat(JdbcUrls.h2File("jdbc:h2:mem:test")).isEmpty();
        assertThat(JdbcUrls.h2File("jdbc:h2:tcp://host/~/db")).isEmpty();
        assertThat(JdbcUrls.h2File("jdbc:postgresql://host/db")).isEmpty();
    }

    @Test
    void h2UrlsGetSweepersSettingsUnlessTheUserChoseOtherwise() {
        assertThat(JdbcUrls.withH2Settings("jdbc:h2:file:/x/db"))
                .isEqualTo("jdbc:h2:file:/x/db;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4;WRITE_DELAY=0");
        assertThat(JdbcUrls.withH2Settings("jdbc:h2:file:/x/db;trace_level_file=1"))
                .isEqualTo("jdbc:h2:file:/x/db;trace_level_file=1;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(JdbcUrls.h2UrlForAnotherUser("jdbc:h2:file:/x/db;USER=sa;PASSWORD=p;NON_KEYWORDS=VALUE;MODE=X"))
                .isEqualTo("jdbc:h2:file:/x/db;NON_KEYWORDS=VALUE");
    }

    @Test
    void otherDatabasesAreRefusedWithTheUrlsThatWork() {
        assertThatThrownBy(() -> Store.open("jdbc:mysql://db/sweeps?password=s3cret"))
                .isInstanceOf(SweeperException.class)
                .hasMessage("unsupported database URL jdbc:mysql://db/sweeps?password=***: "
                        + "use jdbc:h2:file:PATH or jdbc:postgresql://HOST/DATABASE");
    }
}
