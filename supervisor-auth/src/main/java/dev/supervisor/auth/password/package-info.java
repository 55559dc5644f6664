/**
 * Password hashing with PBKDF2-HMAC-SHA256 (JDK only), PHC-format strings, rehash detection, parameter caps and
 * a dummy hash so unknown users cost the same as known ones.
 */
package dev.supervisor.auth.password;
