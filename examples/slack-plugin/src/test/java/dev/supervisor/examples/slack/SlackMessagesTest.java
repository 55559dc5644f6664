package dev.supervisor.examples.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlackMessagesTest {

    @Test
    void split_shortText_isOnePiece() {
        assertThat(SlackMessages.split("hello", 3000)).containsExactly("hello");
        assertThat(SlackMessages.split("", 3000)).containsExactly("");
    }

    @Test
    void split_prefersLineBreaksThenSpacesThenACutThatKeepsEscapesWhole() {
        assertThat(SlackMessages.split("aaaa\nbbbb cccc", 10)).containsExactly("aaaa", "bbbb cccc");
        assertThat(SlackMessages.split("aaaa bbbb cccc", 10)).containsExactly("aaaa bbbb", "cccc");
        assertThat(SlackMessages.split("aaaaaaa&amp;bbb", 10)).containsExactly("aaaaaaa", "&amp;bbb");
        assertThat(SlackMessages.split("aaaaaaaaa\uD83D\uDE00", 10)).containsExactly("aaaaaaaaa", "\uD83D\uDE00");
    }

    @Test
    void split_randomTexts_neverExceedTheLimitAndLoseOnlyTheSeparatorsTheyCutAt() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(10_000);
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(40);
                sb.append(r == 0 ? '\n' : r < 6 ? ' ' : r == 6 ? "&amp;" : String.valueOf((char) ('a' + r)));
            }
            String text = sb.toString();
            List<String> parts = SlackMessages.split(text, SlackMessages.MAX_TEXT);
            assertThat(parts).as("seed %d", seed).allSatisfy(p -> assertThat(p.length())
                    .isLessThanOrEqualTo(SlackMessages.MAX_TEXT));
            assertThat(String.join("", parts).replaceAll("\\s", "")).as("seed %d", seed)
                    .isEqualTo(text.replaceAll("\\s", ""));
        }
    }

    @Test
    void escape_neutralisesSlackMarkupFromEventText() {
        assertThat(SlackMessages.escape("<!channel> a & b > c")).isEqualTo("&lt;!channel&gt; a &amp; b &gt; c");
    }

    @Test
    void json_holdsTheTextAsFallbackAndAsAMarkdownSection() {
        assertThat(SlackMessages.json("say \"hi\"\n\tnow\u0001")).isEqualTo("{\"text\":\"say \\\"hi\\\"\\n\\tnow"
                + "\\u0001\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"say"
                + " \\\"hi\\\"\\n\\tnow\\u0001\"}}]}");
    }
}
