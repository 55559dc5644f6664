package dev.supervisor.auth.cors;

import java.util.Locale;
import java.util.Set;

/**
 * Domains under which anyone can register a name, so a wildcard over them ({@code https://*.co.uk},
 * {@code https://*.github.io}) would admit strangers. Not the whole Public Suffix List: every single-label top-level
 * domain, the generic second-level registries of two-letter country domains ({@code co.uk}, {@code com.au},
 * {@code gov.br}…), and widely used shared-hosting domains. Hosts with other shared domains add them with
 * {@link CorsPolicy.Builder#publicSuffixes}.
 */
final class PublicSuffixes {
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "edu", "ac", "ltd", "plc",
            "gob", "gouv", "mil", "nic", "sch", "nhs", "or", "ne", "go", "lg", "ed", "gr", "info", "biz", "nom", "web",
            "ind", "firm", "gen", "res", "mod", "police", "int", "me", "tv", "in", "id", "kr", "ad", "pro", "asn", "nsw",
            "qld", "vic", "wa", "sa", "tas", "act", "nt");
    private static final Set<String> SHARED = Set.of("github.io", "gitlab.io", "herokuapp.com", "appspot.com",
            "blogspot.com", "cloudfront.net", "azurewebsites.net", "azurestaticapps.net", "web.app", "firebaseapp.com",
            "netlify.app", "vercel.app", "pages.dev", "workers.dev", "onrender.com", "fly.dev", "ngrok.io",
            "ngrok-free.app", "s3.amazonaws.com", "elasticbeanstalk.com", "trycloudflare.com", "glitch.me", "repl.co",
            "surge.sh", "now.sh", "amplifyapp.com", "cloudfunctions.net", "run.app", "deno.dev", "railway.app",
            "up.railway.app", "codeberg.page", "readthedocs.io", "wixsite.com", "myshopify.com", "pythonanywhere.com",
            "bitbucket.io", "gitpod.io", "codesandbox.io", "stackblitz.io", "webflow.io", "carrd.co", "wordpress.com",
            "translate.goog", "azureedge.net", "azure-api.net", "cloudapp.net", "dynv6.net", "duckdns.org",
            "no-ip.org", "ddns.net");

    private PublicSuffixes() {
    }

    /**
     * @param domain a lower-case domain
     * @param extra suffixes the host added
     * @return true if names directly under it are open to anyone
     */
    static boolean isPublic(String domain, Set<String> extra) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (!d.contains(".") || SHARED.contains(d) || extra.contains(d)) {
            return true;
        }
        String[] labels = d.split("\\.");
        return labels.length == 2 && labels[1].length() == 2 && SECOND_LEVEL.contains(labels[0]);
    }
}
