package dev.supervisor.auth.validation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves a user-supplied relative file path under a base directory, or refuses it. The path is percent-decoded
 * once with strict UTF-8 (overlong forms such as {@code %c0%af} fail), must not still contain an escape (double
 * encoding), control characters, backslashes, drive letters, {@code ;} parameters or dot-only segments, must be
 * relative, and after normalisation must stay under the base — also once symbolic links are followed: the real
 * path of its deepest existing part must lie under the base's real path. (Opening the file later can still race
 * with someone changing links in between; bases writable by untrusted parties need more than a path check.)
 */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * @param field the input's name
     * @param base the directory the path must stay in
     * @param userPath the path as received (may be percent-encoded)
     * @return the resolved, normalised path under {@code base}
     * @throws InvalidInputException naming the rule the path broke
     */
    public static Path resolve(String field, Path base, String userPath) {
        if (userPath == null || userPath.isEmpty() || userPath.length() > 4096) {
            throw new InvalidInputException(field, "must be a relative path of 1 to 4096 characters");
        }
        String p = percentDecode(field, userPath);
        if (p.indexOf('%') >= 0 && p.matches("(?s).*%[0-9A-Fa-f]{2}.*")) {
            throw new InvalidInputException(field, "is encoded more than once");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException(field, "contains a control character");
            }
            if (c == '\\' || c == ';') {
                throw new InvalidInputException(field, "contains '" + c + "'");
            }
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            throw new InvalidInputException(field, "must be relative");
        }
        for (String seg : p.split("/")) {
            if (seg.length() >= 2 && seg.chars().allMatch(ch -> ch == '.')) {
                throw new InvalidInputException(field, "must not contain '..' or other dot-only segments");
            }
        }
        Path root = base.toAbsolutePath().normalize();
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) {
            throw new InvalidInputException(field, "leaves its base directory");
        }
        if (!staysUnderRealBase(root, resolved)) {
            throw new InvalidInputException(field, "leaves its base directory through a symbolic link");
        }
        return resolved;
    }

    /**
     * Compares real paths: the deepest part of the path that exists, with every symbolic link followed, must
     * still lie under the base's real path (the rest does not exist yet, so it holds no link).
     */
    private static boolean staysUnderRealBase(Path root, Path resolved) {
        try {
            if (!Files.exists(root)) {
                return true; // nothing on disk can redirect a path under a base that does not exist
            }
            Path realRoot = root.toRealPath();
            Path existing = resolved;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return false;
            }
            if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
                return false; // a dangling link: where it points could be created later
            }
            return existing.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static String percentDecode(String field, String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.put((byte) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "is not valid UTF-8 once decoded");
        }
    }
}
