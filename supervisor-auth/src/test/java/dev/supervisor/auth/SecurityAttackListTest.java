package dev.supervisor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The 45-item attack list of the security research notes (§14), item by item: each maps to the tests that hold
 * it. A missing item, a renamed or deleted test, or a reference to something that is not a test fails here.
 */
class SecurityAttackListTest {
    private static final String P = "dev.supervisor.auth.";

    private static final Map<Integer, List<String>> COVERAGE = new TreeMap<>(Map.ofEntries(
            Map.entry(1, List.of("jwt.JwtVerifierTest#rfc7515A1_acceptedInItsLifetime_rejectedAfterExpiryPlusLeeway")),
            Map.entry(2, List.of("jwt.JwtVerifierTest#algNone_inEveryCase_isRejected")),
            Map.entry(3, List.of("jwt.JwtVerifierTest#keyConfusion_hs256SignedWithThePublicKey_isRejectedByAnEs256Verifier",
                    "jwt.JwtVerifierTest#keyConfusion_everyEncodingOfThePublicKeyAsAnHmacSecret_isRejected",
                    "jwt.JwtVerifierTest#shortHmacKeys_areRefusedAtConstruction",
                    "jwt.JoseAlgorithmsTest#oneSecretBehindHs256AndHs512_hs256MacCannotPassTheHs512Key")),
            Map.entry(4, List.of("jwt.JwtVerifierTest#rfc7515A3_es256Verifies_andPsychicSignaturesDoNot",
                    "jwt.JwtVerifierTest#psychicEs256_rOrSZeroOrNotBelowTheOrder_isRejected",
                    "jwt.JoseAlgorithmsTest#es512_ourTokensVerifyInNimbus_andPsychicSignaturesAreRefused")),
            Map.entry(5, List.of("jwt.JwtVerifierTest#nonCanonicalAndMalformedEncodings_areRejected",
                    "jwt.JwtVerifierTest#nonCanonicalTrailingBits_inEveryRemainderClass_areRejected")),
            Map.entry(6, List.of("jwt.JwtVerifierTest#pointerAndExtensionHeaders_areRejected")),
            Map.entry(7, List.of("jwt.JwtVerifierTest#duplicateMembers_andUnknownKids_areRejected")),
            Map.entry(8, List.of("jwt.JwtVerifierTest#pointerAndExtensionHeaders_areRejected",
                    "jwt.JwtVerifierTest#duplicateMembers_andUnknownKids_areRejected")),
            Map.entry(9, List.of("jwt.JwtVerifierTest#badClaims_areRejected",
                    "jwt.JwtVerifierTest#typeAndLifetime_areEnforcedWhenConfigured",
                    "jwt.VerifierPolicyTest#verify_absurdExpOrOverlongLifetime_isRefused_evenWithoutIat")),
            Map.entry(10, List.of("jwt.JwtVerifierTest#audienceAndIssuer_onlyAnExactMemberOrValuePasses",
                    "jwt.VerifierPolicyTest#build_withoutIssuerOrAudience_isRefusedUnlessWaived")),
            Map.entry(11, List.of("jwt.JwtVerifierTest#typeAndLifetime_areEnforcedWhenConfigured")),
            Map.entry(12, List.of("jwt.JwtVerifierTest#hugeAndDeeplyNestedTokens_areRejectedFast")),
            Map.entry(13, List.of("jwt.JwtVerifierTest#revokedJti_staysRevokedForAnEcdsaMalleatedCopy",
                    "jwt.RevocationCapacityTest#revoke_10000DistinctSubjectsInto1000_everyRevokedTokenStaysRevoked",
                    "jwt.RevocationCapacityTest#verify_revokedTokenInsideTheLeeway_isStillRefused")),
            Map.entry(14, List.of("jwt.RefreshTokensTest#rotate_replayOfASpentToken_revokesTheWholeFamilyAndIsReported",
                    "jwt.RefreshRaceTest#rotate_spentTokenAfterTheWindow_orFromAnotherClient_revokesTheFamily")),
            Map.entry(15, List.of("jwt.RefreshTokensTest#rotate_twoConcurrentRefreshesOfOneToken_exactlyOneWins",
                    "jwt.RefreshRaceTest#rotate_sameClientTwiceWithinTheRaceWindow_doesNotLogTheUserOut")),
            Map.entry(16, List.of("jwt.RefreshTokensTest#revokedTokens_expireWithTheirTokens",
                    "jwt.RevocationCapacityTest#revoke_entryOutlivesExpByTheLargestLeeway",
                    "jwt.RefreshRaceTest#rotate_familyEndsAtItsAbsoluteLifetime_howeverOftenItRotates")),
            Map.entry(17, List.of("apikey.ApiKeysTest#refusals_unknownRevokedExpiredAndBadChecksum_lookTheSame",
                    "apikey.ApiKeysTest#authenticate_missingScope_isRefusedNamingTheScope",
                    "apikey.ApiKeysTest#rotate_oldKeyWorksOnlyWithinGrace",
                    "apikey.ApiKeyRotationTest#rotate_keyAlreadyInItsGracePeriod_isRefused_andItsGraceIsNotExtended",
                    "audit.AuditRedactionTest#record_10000GeneratedApiKeys_inFreeText_noneLeavesEightSecretCharacters")),
            Map.entry(18, List.of("password.Pbkdf2HasherTest#derive_rfc7914Vectors",
                    "password.Argon2idHasherTest#verify_referencePhcVector")),
            Map.entry(19, List.of("password.Argon2idHasherTest#overlongPassword_isRejectedBeforeHashing_neverTruncated")),
            Map.entry(20, List.of("password.Pbkdf2HasherTest#passwords_longerThanTheMaximum_areRejectedBeforeHashing",
                    "password.PasswordOracleTest#verify_overlongOrEmptyPassword_knownUserAnswersLikeUnknown")),
            Map.entry(21, List.of("password.Argon2idHasherTest#storedParametersAboveCaps_areRefusedBeforeComputing",
                    "password.Pbkdf2HasherTest#verify_refusesParametersAboveTheCapsBeforeComputing",
                    "password.PasswordOracleTest#verify_storedParametersAboveFourTimesTheConfigured_areRefusedBeforeComputing",
                    "password.Argon2idHasherTest#needsRehash_whenStoredParametersAreWeaker")),
            Map.entry(22, List.of("password.Argon2idHasherTest#unknownUser_doesTheSameWork_andIsFalse",
                    "password.Pbkdf2HasherTest#unknownUser_failsAfterTheSameWork",
                    "password.PasswordOracleTest#verify_overlongOrEmptyPassword_knownUserAnswersLikeUnknown")),
            Map.entry(23, List.of("mfa.TotpTest#hotp_rfc4226AppendixD", "mfa.TotpTest#totp_rfc6238AppendixB")),
            Map.entry(24, List.of("mfa.TotpTest#verify_oneStepOfDriftAccepted_twoRejected")),
            Map.entry(25, List.of("mfa.TotpTest#verify_sameCodeOrOlderStepTwice_isAReplay",
                    "mfa.TotpLockoutTest#reset_liftsTheLockout_butAUsedCodeStaysUsed")),
            Map.entry(26, List.of("mfa.TotpTest#verify_malformedCodes_areRejected")),
            Map.entry(27, List.of("mfa.TotpTest#verify_lockoutAfterRepeatedFailures_evenForTheRightCode",
                    "mfa.TotpLockoutTest#lockout_endsByItself_andEscalatesUpToTheMaximum_1_2_4_4Minutes",
                    "mfa.TotpLockoutTest#state_isForgottenWhenEmpty_andAFullTableFailsClosed")),
            Map.entry(28, List.of("ratelimit.TokenBucketTest#tryAcquire_eightThreadsNoRefill_exactlyCapacitySucceed",
                    "ratelimit.TokenBucketTest#tryAcquire_eightThreadsTwoBandwidths_exactlyTheTightestCapacitySucceed")),
            Map.entry(29, List.of("ratelimit.TokenBucketTest#tryAcquire_anyWindow_acceptsAtMostCapacityPlusRateTimesWindow")),
            Map.entry(30, List.of("ratelimit.KeyedRateLimiterTest#trackedKeys_areBoundedBySize",
                    "ratelimit.KeyFloodTest#check_victimKeyAfterFloodOf20000JunkKeysInto1000_getsNoFreshBucket_0of5Tokens")),
            Map.entry(31, List.of("ratelimit.IpBlockerTest#violationsWithinWindow_blockThenExpire",
                    "ratelimit.IpBlockerTest#repeatedBlocks_escalateUpToTheMaximum",
                    "ratelimit.IpBlockerTest#ipv6Neighbours_inOneSlash64_shareTheBlock",
                    "guard.RequestGuardTest#check_spoofedForwardedFor_fromUntrustedPeer_isIgnored",
                    "ratelimit.KeyFloodTest#recordViolation_floodOf50000AddressesInto1000_blockedAddressStaysBlocked")),
            Map.entry(32, List.of("rbac.RbacTest#permits_defaultDeny_inheritance_andInstances",
                    "rbac.RbacTest#permits_denyOverridesAllow_evenAcrossRoles",
                    "rbac.RbacTest#authorizer_tenantsAreIsolated_andRegistrationGrantsNothing",
                    "rbac.GrantEscalationTest#grant_roleWithPermissionsTheGranterLacks_isRefused_evenToItself")),
            Map.entry(33, List.of("rbac.RbacTest#build_cycle_isRejectedNamingIt")),
            Map.entry(34, List.of("rbac.RbacTest#parse_badGrammar_isRejected", "rbac.RbacTest#permits_caseSensitive")),
            Map.entry(35, List.of("validation.ValidationTest#requestPaths_dotSegmentsAndEncodings_cannotBypassRules",
                    "guard.RequestGuardPathTest#check_everySpellingOfAnAuthPath_usesTheAuthTier_3of20Allowed",
                    "guard.RequestGuardPathTest#check_pathsThatCannotBeMadeCanonical_areRefusedWith400")),
            Map.entry(36, List.of("validation.ValidationTest#safePath_traversalSet_isRejected",
                    "validation.HardeningTest#safePath_symlinkOutOfTheBase_isRefused")),
            Map.entry(37, List.of("validation.ValidationTest#encoding_goldenOutputs")),
            Map.entry(38, List.of("validation.ValidationTest#safeUrl_disguisedSchemes_areRejected")),
            Map.entry(39, List.of("validation.ValidationTest#personName_realNames_pass",
                    "validation.ValidationTest#injectionSignal_flagsButNeverBlocks",
                    "validation.HardeningTest#injectionSignal_hostileInputs_costLinearWork")),
            Map.entry(40, List.of("cors.CorsPolicyTest#actual_otherOrigins_getNoAllowHeaders",
                    "cors.CorsPolicyTest#build_anyOriginWithCredentials_isAConfigurationError",
                    "cors.CorsPolicyTest#allowOrigin_wildcardOverAPublicSuffix_isRefused")),
            Map.entry(41, List.of("audit.AuditLogTest#record_crlfInjection_cannotForgeALine",
                    "audit.AuditChainTest#jsonLine_lineSeparatorsAndInvisibleControls_areEscaped")),
            Map.entry(42, List.of("audit.AuditLogTest#record_secretsAreRedactedByTypeWhateverTheFieldName",
                    "audit.AuditRedactionTest#record_refreshTokensTotpSecretsAndJwts_inFreeText_areRedacted",
                    "audit.AuditRedactionTest#record_secretFieldNames_areRedacted")),
            Map.entry(43, List.of("audit.AuditLogTest#verifier_intactChain_passes_andEditOrRemovalIsFound",
                    "audit.AuditChainTest#keyedChain_rewrittenAndRecomputedRecord_isFound")),
            Map.entry(44, List.of("oidc.OidcClientEndToEndTest#exchange_stateMismatch_isRefusedBeforeAnyExchange",
                    "oidc.PkceAndProvidersTest#verifier_isLongEnoughAndUnreserved_andBadVerifiersAreRefused",
                    "oidc.OidcClientEndToEndTest#exchange_callbackUrlVariants_areRefused_exactOneAccepted",
                    "oidc.OidcClientEndToEndTest#exchange_replayedCallback_isRefused",
                    "oidc.OidcClientEndToEndTest#exchange_wrongIssuer_isRefused",
                    "oidc.PkceAndProvidersTest#microsoft_multiTenantIssuerIsCheckedAgainstTid",
                    "oidc.OidcClientEndToEndTest#exchange_idTokenForAnotherAudience_isRefused",
                    "oidc.OidcClientEndToEndTest#exchange_idTokenFromAnotherRequest_failsOnNonce",
                    "oidc.PkceAndProvidersTest#challenge_rfc7636AppendixB")),
            Map.entry(45, List.of("SecretComparisonRuleTest#secretPackages_compareWithMessageDigestIsEqualOnly"))));

    @Test
    void everyItemOfTheAttackList_isCoveredByExistingTests() throws Exception {
        assertThat(COVERAGE.keySet()).as("items 1 to 45").containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 45).boxed().toList());
        for (Map.Entry<Integer, List<String>> item : COVERAGE.entrySet()) {
            assertThat(item.getValue()).as("item %d", item.getKey()).isNotEmpty();
            for (String ref : item.getValue()) {
                String[] parts = ref.split("#");
                Class<?> type = Class.forName(P + parts[0]);
                Method test = null;
                for (Method m : type.getDeclaredMethods()) {
                    if (m.getName().equals(parts[1])) {
                        test = m;
                    }
                }
                assertThat(test).as("item %d: %s exists", item.getKey(), ref).isNotNull();
                assertThat(test.isAnnotationPresent(Test.class) || test.isAnnotationPresent(ParameterizedTest.class))
                        .as("item %d: %s is a test", item.getKey(), ref).isTrue();
            }
        }
    }
}
