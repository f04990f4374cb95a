//! Signing in with OpenID Connect, as rules over values: the addresses and forms sent to the
//! provider (authorization code with PKCE S256, state and nonce), the checks of what comes back,
//! and when a token is renewed. The browser's part (random bytes, SHA-256, storage, requests)
//! is in `client::oidc`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::address::with_query;
use crate::contract::config::Oidc;
use crate::contract::oidc::{Discovery, IdClaims, RoundTrip};

/// How far this device's clock and the provider's may differ (OpenID Connect Core leaves it to
/// the client; five minutes is the usual allowance).
pub const MAX_SKEW_SECONDS: i64 = 300;

/// Why signing in did not work, each with its own message and way out.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The provider could not be reached, or answered with a server error.
    ProviderDown,
    /// Its discovery document is not one, or is another provider's.
    Discovery { why: String },
    /// The person declined, or the provider refused them (`access_denied`).
    Denied,
    /// The provider has no session for a sign-in without a screen (`prompt=none`): the person
    /// signs in as on a first visit.
    LoginRequired,
    /// The answer is not for a sign-in started in this tab (`state` differs, or none was kept).
    StateMismatch,
    /// The code was refused: expired, or used already.
    CodeRefused,
    /// This device's clock and the provider's differ by more than `MAX_SKEW_SECONDS`.
    ClockSkew,
    /// The ID token is not for this app, from this provider, or of this sign-in.
    IdToken { why: String },
    /// Any other error the provider sent, by its code.
    Provider { error: String },
}

/// Random bytes as URL-safe text: a PKCE verifier (32 bytes give the 43 characters RFC 7636
/// asks for at least), a state or a nonce.
pub fn random_text(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The S256 challenge of a verifier, from the SHA-256 digest of its text (RFC 7636 4.2).
pub fn challenge(digest: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(digest)
}

/// The scopes asked for: `openid` first, then the configured ones, each once.
pub fn scopes(config: &Oidc) -> String {
    let mut all = vec!["openid"];
    for s in config.scopes.iter().flat_map(|s| s.split_whitespace()) {
        if !all.contains(&s) {
            all.push(s);
        }
    }
    all.join(" ")
}

/// The API the token is for, as the provider asks for it.
fn api_of(config: &Oidc) -> impl Iterator<Item = (&str, &str)> {
    let audience = config.audience.as_deref().map(|a| ("audience", a));
    let resource = config.resource.as_deref().map(|r| ("resource", r));
    audience.into_iter().chain(resource)
}

/// Where the person is sent to sign in; `silent` asks the provider not to show a page
/// (`prompt=none`) and to answer at once from its own session.
pub fn authorization_url(
    discovery: &Discovery,
    config: &Oidc,
    redirect_uri: &str,
    trip: &RoundTrip,
    challenge: &str,
    silent: bool,
) -> String {
    let scope = scopes(config);
    let mut pairs = vec![
        ("response_type", "code"),
        ("client_id", config.client_id.as_str()),
        ("redirect_uri", redirect_uri),
        ("scope", scope.as_str()),
        ("state", trip.state.as_str()),
        ("nonce", trip.nonce.as_str()),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
    ];
    pairs.extend(api_of(config));
    if silent {
        pairs.push(("prompt", "none"));
    }
    with_query(discovery.authorization_endpoint.clone(), pairs)
}

/// The token request for the code that came back (RFC 6749 4.1.3, RFC 7636 4.5).
pub fn code_form(config: &Oidc, redirect_uri: &str, code: &str, verifier: &str) -> String {
    let pairs = [
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("client_id", config.client_id.as_str()),
        ("code_verifier", verifier),
    ];
    form(pairs.into_iter().chain(api_of(config)))
}

/// The token request that renews the access token (RFC 6749 6).
pub fn refresh_form(config: &Oidc, refresh_token: &str) -> String {
    let pairs =
        [("grant_type", "refresh_token"), ("refresh_token", refresh_token), ("client_id", config.client_id.as_str())];
    form(pairs.into_iter().chain(api_of(config)))
}

fn form<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

/// Where the person goes to sign out at the provider (RP-Initiated Logout 1.0), when it says.
pub fn end_session_url(discovery: &Discovery, id_token: Option<&str>, back_to: &str) -> Option<String> {
    let at = discovery.end_session_endpoint.clone()?;
    let hint = id_token.map(|t| ("id_token_hint", t));
    Some(with_query(at, hint.into_iter().chain([("post_logout_redirect_uri", back_to)])))
}

/// The discovery document must be the configured provider's: its `issuer` exactly as configured
/// (OpenID Connect Discovery 4.3), with PKCE S256 when it lists its methods.
pub fn check_discovery(issuer: &str, discovery: &Discovery) -> Result<(), Failure> {
    if discovery.issuer != issuer {
        let why = format!("it names the issuer \"{}\", not \"{issuer}\"", discovery.issuer);
        return Err(Failure::Discovery { why });
    }
    match &discovery.code_challenge_methods_supported {
        Some(methods) if !methods.iter().any(|m| m == "S256") => {
            Err(Failure::Discovery { why: "it does not offer PKCE with S256".into() })
        }
        _ => Ok(()),
    }
}

/// The provider's answer on the redirect address (its query), against what was kept when the
/// person was sent: the code to exchange, or why there is none. An answer with another `state`
/// is refused before anything in it is read.
pub fn returned(query: &str, kept: Option<&RoundTrip>) -> Result<String, Failure> {
    let pairs = form_urlencoded::parse(query.trim_start_matches('?').as_bytes());
    let value = |key: &str| pairs.clone().find(|(k, _)| k == key).map(|(_, v)| v.into_owned());
    let (state, code, error) = (value("state"), value("code"), value("error"));
    match kept {
        Some(kept) if state.as_deref() == Some(kept.state.as_str()) => {}
        _ => return Err(Failure::StateMismatch),
    }
    match (error.as_deref(), code) {
        (Some("access_denied"), _) => Err(Failure::Denied),
        (Some("login_required" | "interaction_required" | "consent_required" | "account_selection_required"), _) => {
            Err(Failure::LoginRequired)
        }
        (Some(error), _) => Err(Failure::Provider { error: error.into() }),
        (None, Some(code)) if !code.is_empty() => Ok(code),
        (None, _) => Err(Failure::Provider { error: "no code".into() }),
    }
}

/// The token endpoint's refusal of a code: `invalid_grant` is a code expired or used already.
pub fn code_refused(error: &str) -> Failure {
    match error {
        "invalid_grant" => Failure::CodeRefused,
        other => Failure::Provider { error: other.into() },
    }
}

/// The ID token's checks (OpenID Connect Core 3.1.3.7): from the configured issuer, for this app
/// (and, among several audiences, given to it), of this sign-in (`nonce`), and issued now by
/// this device's clock give or take `MAX_SKEW_SECONDS`, and not expired. `now` is in seconds
/// since 1970.
pub fn check_id_token(claims: &IdClaims, config: &Oidc, nonce: &str, now: i64) -> Result<(), Failure> {
    let wrong = |why: String| Err(Failure::IdToken { why });
    if claims.iss != config.issuer {
        return wrong(format!("it was issued by \"{}\"", claims.iss));
    }
    let client = config.client_id.as_str();
    if !claims.aud.contains(client) {
        return wrong(format!("it is not for the client \"{client}\""));
    }
    let azp_needed = claims.aud.several();
    match claims.azp.as_deref() {
        Some(azp) if azp != client => return wrong(format!("it was given to \"{azp}\"")),
        None if azp_needed => return wrong("it has several audiences and no azp".into()),
        _ => {}
    }
    if claims.nonce.as_deref() != Some(nonce) {
        return wrong("its nonce is not this sign-in's".into());
    }
    // the token was issued just now, so its `iat` is the provider's clock
    if (claims.iat - now).abs() > MAX_SKEW_SECONDS || claims.exp < now - MAX_SKEW_SECONDS {
        return Err(Failure::ClockSkew);
    }
    Ok(())
}

/// Seconds after which an access token valid for `expires_in` is renewed: a quarter of its life
/// early, at most a minute, so a request never goes out with one about to lapse.
pub fn renew_after(expires_in: Option<u32>) -> u32 {
    let life = expires_in.unwrap_or(3600).max(1);
    life - (life / 4).min(60)
}

/// The page to come back to after signing in: one of the app's own paths, never another site.
pub fn own_path(path_and_query: &str) -> String {
    match path_and_query.starts_with('/') && !path_and_query.starts_with("//") && !path_and_query.contains('\\') {
        true => path_and_query.into(),
        false => "/".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::oidc::Audience;
    use proptest::prelude::*;

    fn config() -> Oidc {
        Oidc {
            issuer: "https://id.example.be".into(),
            client_id: "app".into(),
            scopes: vec!["profile offline_access".into(), "openid".into()],
            redirect_path: "/auth/callback".into(),
            audience: None,
            resource: Some("urn:training-account:api".into()),
        }
    }

    fn discovery() -> Discovery {
        Discovery {
            issuer: "https://id.example.be".into(),
            authorization_endpoint: "https://id.example.be/auth".into(),
            token_endpoint: "https://id.example.be/token".into(),
            end_session_endpoint: Some("https://id.example.be/session/end".into()),
            code_challenge_methods_supported: Some(vec!["S256".into()]),
        }
    }

    fn trip(state: &str) -> RoundTrip {
        RoundTrip { verifier: "v".into(), state: state.into(), nonce: "n".into(), return_to: "/".into() }
    }

    fn claims() -> IdClaims {
        IdClaims {
            iss: "https://id.example.be".into(),
            sub: "a".into(),
            aud: Audience::One("app".into()),
            azp: None,
            exp: 1_000_600,
            iat: 1_000_000,
            nonce: Some("n".into()),
        }
    }

    fn query_of(url: &str) -> Vec<(String, String)> {
        let query = url.split_once('?').map_or("", |(_, q)| q);
        form_urlencoded::parse(query.as_bytes()).into_owned().collect()
    }

    #[test]
    fn the_challenge_is_rfc_7636s_example() {
        // RFC 7636 appendix B: the verifier's 32 random octets and the SHA-256 of its text
        let octets = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
            240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        assert_eq!(random_text(&octets), "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        let digest = [
            19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173, 109, 241, 68, 86,
            110, 225, 137, 74, 203, 112, 249, 195,
        ];
        assert_eq!(challenge(&digest), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn the_authorization_address_asks_for_a_code_with_pkce() {
        let url = authorization_url(&discovery(), &config(), "https://app.example.be/auth/callback", &trip("s"), "c", false);
        let pairs = query_of(&url);
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert!(url.starts_with("https://id.example.be/auth?"));
        assert_eq!(get("response_type"), Some("code"));
        assert_eq!(get("scope"), Some("openid profile offline_access"));
        assert_eq!((get("state"), get("nonce"), get("code_challenge")), (Some("s"), Some("n"), Some("c")));
        assert_eq!(get("code_challenge_method"), Some("S256"));
        assert_eq!(get("resource"), Some("urn:training-account:api"));
        assert_eq!((get("prompt"), get("audience")), (None, None));
        let silent = authorization_url(&discovery(), &config(), "x", &trip("s"), "c", true);
        assert!(query_of(&silent).contains(&("prompt".into(), "none".into())));
    }

    #[test]
    fn the_token_forms_carry_the_verifier_and_the_api() {
        let code = query_of(&format!("?{}", code_form(&config(), "https://a/cb", "c&1", "v=")));
        assert!(code.contains(&("code".into(), "c&1".into())) && code.contains(&("code_verifier".into(), "v=".into())));
        assert!(code.contains(&("resource".into(), "urn:training-account:api".into())));
        let refresh = query_of(&format!("?{}", refresh_form(&config(), "r")));
        assert_eq!(refresh[..2], [("grant_type".into(), "refresh_token".into()), ("refresh_token".into(), "r".into())]);
    }

    #[test]
    fn sign_out_goes_to_the_provider_with_the_hint() {
        let url = end_session_url(&discovery(), Some("id"), "https://app.example.be/").unwrap();
        assert_eq!(query_of(&url), [("id_token_hint".into(), "id".into()), ("post_logout_redirect_uri".into(), "https://app.example.be/".into())]);
        let none = Discovery { end_session_endpoint: None, ..discovery() };
        assert_eq!(end_session_url(&none, Some("id"), "/"), None);
    }

    #[test]
    fn discovery_must_be_the_configured_providers() {
        assert_eq!(check_discovery("https://id.example.be", &discovery()), Ok(()));
        // exactly: a trailing slash is another issuer
        assert!(matches!(check_discovery("https://id.example.be/", &discovery()), Err(Failure::Discovery { .. })));
        let plain = Discovery { code_challenge_methods_supported: Some(vec!["plain".into()]), ..discovery() };
        assert!(matches!(check_discovery("https://id.example.be", &plain), Err(Failure::Discovery { .. })));
    }

    #[test]
    fn the_answer_is_read_only_with_its_state() {
        let kept = trip("s1");
        assert_eq!(returned("?code=abc&state=s1", Some(&kept)), Ok("abc".into()));
        assert_eq!(returned("?code=abc&state=s2", Some(&kept)), Err(Failure::StateMismatch));
        assert_eq!(returned("?code=abc&state=s1", None), Err(Failure::StateMismatch));
        assert_eq!(returned("?code=abc", Some(&kept)), Err(Failure::StateMismatch));
        assert_eq!(returned("?error=access_denied&state=s1", Some(&kept)), Err(Failure::Denied));
        assert_eq!(returned("?error=login_required&state=s1", Some(&kept)), Err(Failure::LoginRequired));
        assert_eq!(returned("?error=server_error&state=s1", Some(&kept)), Err(Failure::Provider { error: "server_error".into() }));
        assert_eq!(returned("?state=s1", Some(&kept)), Err(Failure::Provider { error: "no code".into() }));
        assert_eq!(code_refused("invalid_grant"), Failure::CodeRefused);
    }

    #[test]
    fn the_id_token_is_this_sign_ins() {
        let (c, now) = (config(), 1_000_010);
        assert_eq!(check_id_token(&claims(), &c, "n", now), Ok(()));
        let bad = |claims: IdClaims| check_id_token(&claims, &c, "n", now);
        assert!(matches!(bad(IdClaims { iss: "https://evil.example".into(), ..claims() }), Err(Failure::IdToken { .. })));
        assert!(matches!(bad(IdClaims { aud: Audience::One("other".into()), ..claims() }), Err(Failure::IdToken { .. })));
        let two = Audience::Many(vec!["app".into(), "api".into()]);
        assert!(matches!(bad(IdClaims { aud: two.clone(), ..claims() }), Err(Failure::IdToken { .. })));
        assert_eq!(bad(IdClaims { aud: two, azp: Some("app".into()), ..claims() }), Ok(()));
        assert!(matches!(bad(IdClaims { azp: Some("other".into()), ..claims() }), Err(Failure::IdToken { .. })));
        assert!(matches!(bad(IdClaims { nonce: None, ..claims() }), Err(Failure::IdToken { .. })));
        assert!(matches!(bad(IdClaims { nonce: Some("m".into()), ..claims() }), Err(Failure::IdToken { .. })));
    }

    #[test]
    fn the_return_is_one_of_the_apps_pages() {
        assert_eq!(own_path("/trainings/t-1?q=excel"), "/trainings/t-1?q=excel");
        for elsewhere in ["//evil.example/", "https://evil.example/", "/\\evil.example", ""] {
            assert_eq!(own_path(elsewhere), "/");
        }
    }

    proptest! {
        /// Any other state, or none kept, is refused whatever else the answer holds.
        #[test]
        fn another_state_is_refused(sent in "[A-Za-z0-9_-]{1,43}", got in "[A-Za-z0-9_-]{0,43}", error in "[a-z_]{0,20}") {
            prop_assume!(sent != got);
            let query = format!("?code=c&error={error}&state={got}");
            prop_assert_eq!(returned(&query, Some(&trip(&sent))), Err(Failure::StateMismatch));
        }

        /// Within five minutes either way a token is taken; beyond, the clocks are said to differ.
        #[test]
        fn skew_beyond_five_minutes_is_named(skew in -3_600i64..3_600) {
            let now = 1_000_000 + skew;
            let checked = check_id_token(&claims(), &config(), "n", now);
            let within = (claims().iat - MAX_SKEW_SECONDS..=claims().iat + MAX_SKEW_SECONDS).contains(&now);
            prop_assert_eq!(checked.is_ok(), within);
            if !within {
                prop_assert_eq!(checked, Err(Failure::ClockSkew));
            }
        }

        /// A token is renewed before it lapses, and not in its first half.
        #[test]
        fn renewal_comes_before_the_end(life in proptest::option::of(1u32..100_000)) {
            let at = renew_after(life);
            let life = life.unwrap_or(3600);
            prop_assert!(at <= life && at >= life / 2 && life - at <= 60);
        }

        /// Every random byte string makes text that is safe in an address, unchanged by encoding.
        #[test]
        fn random_text_is_url_safe(bytes in prop::collection::vec(any::<u8>(), 16..64)) {
            let text = random_text(&bytes);
            prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert!(text.len() >= 43 || bytes.len() < 32);
        }
    }
}
