package dev.supervisor.core.jdbc;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** Starts another JVM on the test class path: the nodes the crash and cluster proofs kill or leave running. */
final class WorkerJvms {
    private WorkerJvms() {
    }

    /**
     * @param jvmArgs options for the new JVM
     * @param main the class whose {@code main} it runs
     * @param args its arguments
     * @param stderr where its log lines go
     * @return the process
     */
    static Process start(List<String> jvmArgs, Class<?> main, List<String> args, ProcessBuilder.Redirect stderr)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", classpath(), main.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectError(stderr).start();
    }

    /** A node's log file under {@code target/worker-logs}, kept for when a proof fails. */
    static ProcessBuilder.Redirect logFile(String node) {
        File logs = new File("target/worker-logs");
        logs.mkdirs();
        return ProcessBuilder.Redirect.to(new File(logs, node + ".log"));
    }

    /** The test class path, unwrapping surefire's manifest-only booter jar if it is used. */
    private static String classpath() throws Exception {
        String cp = System.getProperty("java.class.path");
        if (cp.contains("surefirebooter")) {
            try (JarFile jar = new JarFile(cp.split(File.pathSeparator)[0])) {
                StringBuilder sb = new StringBuilder();
                for (String entry : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                    sb.append(sb.length() == 0 ? "" : File.pathSeparator)
                            .append(new File(new java.net.URI(entry)).getPath());
                }
                return sb.toString();
            }
        }
        return cp;
    }
}
