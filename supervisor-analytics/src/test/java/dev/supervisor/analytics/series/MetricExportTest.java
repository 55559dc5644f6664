package dev.supervisor.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

class MetricExportTest {
    private static final List<SeriesResult> RESULTS = List.of(
            new SeriesResult("task.cost", Map.of("provider", "=HYPERLINK(\"http://x\")"),
                    List.of(new SeriesResult.Point(Instant.parse("2026-01-01T00:00:00Z"), -1.5, 3))),
            new SeriesResult("task.cost", Map.of("provider", "a,b"),
                    List.of(new SeriesResult.Point(Instant.parse("2026-01-01T00:01:00Z"), 2.0, 1))));

    @Test
    void csv_isRfc4180_andNeutralisesFormulas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(MetricExport.write(RESULTS, MetricExport.Format.CSV, out)).isEqualTo(MetricExport.Format.CSV);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("metric,provider,start,value,count\r\n"
                + "task.cost,\"'=HYPERLINK(\"\"http://x\"\")\",2026-01-01T00:00:00Z,-1.5,3\r\n"
                + "task.cost,\"a,b\",2026-01-01T00:01:00Z,2.0,1\r\n");
    }

    @Test
    void json_holdsEverySeriesAndPoint() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricExport.write(RESULTS, MetricExport.Format.JSON, out);
        JsonNode n = new ObjectMapper().readTree(out.toByteArray());
        assertThat(n).hasSize(2);
        assertThat(n.get(1).get("group").get("provider").asText()).isEqualTo("a,b");
        assertThat(n.get(0).get("points").get(0).get("value").asDouble()).isEqualTo(-1.5);
    }

    @Test
    void xlsx_isAWorkbookWithTheRows() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(MetricExport.xlsxAvailable()).isTrue();
        assertThat(MetricExport.write(RESULTS, MetricExport.Format.XLSX, out)).isEqualTo(MetricExport.Format.XLSX);
        String sheet = null;
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, out.toByteArray());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().startsWith("xl/worksheets/sheet")) {
                        sheet = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(sheet).isNotNull().contains("-1.5");
        String shared = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(shared).doesNotContain("<f>");
    }
}
