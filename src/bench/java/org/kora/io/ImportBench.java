package org.kora.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.kora.domain.Department;
import org.kora.domain.HospitalKind;
import org.kora.service.AuthService;
import org.kora.service.ImportKind;
import org.kora.service.ImportProgress;
import org.kora.service.ImportService;
import org.kora.service.PasswordHasher;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.Store;

/**
 * Measures the trainee import: {@code ImportBench DIR PREVIEW_ROWS APPLY_ROWS}. Previews a
 * generated file of PREVIEW_ROWS rows (run it with a small -Xmx to show that memory stays bounded),
 * then applies a file of APPLY_ROWS rows into a new store and prints rows per second. Not a JMH
 * benchmark: one cold run each, reported as measured.
 */
public final class ImportBench {
    private static final String HOME = "隆子县人民医院";

    private ImportBench() {
    }

    public static void main(String[] args) throws IOException {
        var dir = Path.of(args[0]);
        var previewRows = Integer.parseInt(args[1]);
        var applyRows = Integer.parseInt(args[2]);
        Files.createDirectories(dir);
        try (var store = Store.create(DatabaseFile.of(dir.resolve("bench-" + System.nanoTime())))) {
            var clock = Clock.systemUTC();
            var admin = new AuthService(store, new PasswordHasher(1000), clock)
                    .createFirstAdministrator("admin", "Administrator", "bench-password".toCharArray());
            store.inTransaction(tx -> {
                var home = tx.dao(HospitalDao.class).insert(HOME, HospitalKind.HOME);
                for (var name : new String[] {"麻醉科", "内科", "外科", "儿科"}) {
                    tx.dao(DepartmentDao.class).insert(Department.home(0, home, name, 6, 4));
                }
                return home;
            });
            var imports = new ImportService(store, new ImportFiles(), clock);
            var memory = ManagementFactory.getMemoryMXBean();
            var maxUsed = new long[1];
            ImportProgress watch = new ImportProgress() {
                @Override
                public void worked(double fraction) {
                    maxUsed[0] = Math.max(maxUsed[0], memory.getHeapMemoryUsage().getUsed());
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            };

            var big = generate(dir.resolve("preview.csv"), previewRows);
            var start = System.nanoTime();
            var preview = imports.preview(admin, ImportKind.TRAINEES, big, watch);
            var seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("preview: %,d rows (%,d MB file) in %.1f s = %,.0f rows/s; new %,d bad %,d;"
                            + " max heap %d MB, heap used sampled max %d MB%n",
                    preview.rows(), Files.size(big) >> 20, seconds, preview.rows() / seconds, preview.newRows(),
                    preview.badRowCount(), Runtime.getRuntime().maxMemory() >> 20, maxUsed[0] >> 20);

            var small = generate(dir.resolve("apply.csv"), applyRows);
            var threads = ManagementFactory.getThreadMXBean();
            start = System.nanoTime();
            var cpuStart = threads.getCurrentThreadCpuTime();
            var applied = imports.apply(admin, ImportKind.TRAINEES, small, ImportProgress.NONE);
            seconds = (System.nanoTime() - start) / 1e9;
            var cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            // CPU time too, because wall time on a shared machine measures the neighbours
            System.out.printf("apply: %,d rows in %.1f s wall = %,.0f rows/s; %.1f s CPU of the importing thread"
                    + " = %,.0f rows/s (read, validate and insert in one transaction), applied %s%n",
                    applied.newRows(), seconds, applied.newRows() / seconds, cpuSeconds,
                    applied.newRows() / cpuSeconds, applied.applied());
        }
    }

    private static Path generate(Path file, int rows) throws IOException {
        var departments = new String[] {"麻醉科", "内科", "外科", "儿科"};
        var professions = new String[] {"医师", "护士", "技师", "其他"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("工号,姓名,医院,科室,类别,职称,电话,最早开始,备注\n");
            for (var i = 0; i < rows; i++) {
                out.write(String.format("%08d,次仁央宗%d,%s,%s,%s,主治医师,0891-%07d,2026/%d/1,第%d批%n", i, i, HOME,
                        departments[i % 4], professions[i % 4], i % 10_000_000, 1 + i % 12, i % 7));
            }
        }
        return file;
    }
}
