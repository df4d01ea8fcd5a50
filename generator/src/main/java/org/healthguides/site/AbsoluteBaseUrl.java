package org.healthguides.site;

import java.util.List;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * A published site needs its absolute address for sitemap.xml, canonical links and og:url. Not checked in the
 * preview, which serves the site at "/" on purpose.
 */
public final class AbsoluteBaseUrl implements Check {
    @Override
    public List<Problem> check(Site site, CheckContext context) {
        String baseUrl = site.settings().baseUrl();
        if (!context.publishing() || !baseUrl.startsWith("/")) {
            return List.of();
        }
        return List.of(Problem.warning(Code.BASE_URL_WITHOUT_HOST, context.baseUrlSource(), 0,
                "base URL '" + baseUrl + "' has no host, so sitemap.xml, feed.xml, canonical links and og:url are left out",
                "set base_url in site.yaml or pass --base-url https://example.org/health/ when publishing"));
    }
}
