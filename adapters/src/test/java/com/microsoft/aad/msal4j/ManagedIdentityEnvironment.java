package com.microsoft.aad.msal4j;

/**
 * Test seam: MSAL4J finds the managed-identity endpoint in the process environment, which a test
 * cannot set; MSAL4J's own tests replace that environment through this package-private hook, and so
 * do ours, to point App Service's identity endpoint at a loopback fake.
 */
public final class ManagedIdentityEnvironment {
    private ManagedIdentityEnvironment() {}

    /** As on Azure App Service: {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER}. */
    public static void appService(String endpoint, String header) {
        ManagedIdentityApplication.setEnvironmentVariables(
                name ->
                        switch (name) {
                            case "IDENTITY_ENDPOINT" -> endpoint;
                            case "IDENTITY_HEADER" -> header;
                            default -> null;
                        });
    }

    /** Back to the real environment. */
    public static void reset() {
        ManagedIdentityApplication.setEnvironmentVariables(null);
    }
}
