package dev.paymentsdr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code drctl --version}: the build's version and the git commit it was built from, filtered in at build time. */
public final class DrctlVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/dev/paymentsdr/cli/drctl-version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = DrctlVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        }
        String commit = known(build.getProperty("commit"));
        String line = "drctl " + known(build.getProperty("version")) + " (commit " + commit
                + ("true".equals(build.getProperty("dirty")) ? ", with uncommitted changes" : "")
                + (known(build.getProperty("commitTime")).equals("unknown") ? "" : ", " + build.getProperty("commitTime")) + ")";
        return new String[] {line, "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** A property Maven could not fill in (no git checkout, e.g. a source archive) stays "${...}": unknown. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
