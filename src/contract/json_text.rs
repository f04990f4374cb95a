//! JSON text to a tree of values: the small part of JSON parsing this app needs, written out so
//! the app does not ship a general-purpose serialisation library (about 4 KB brotli).

/// A parsed JSON value. Objects keep their members in order; a repeated key's last value counts.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => member(members, key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(x) => Some(*x),
            _ => None,
        }
    }

    /// A whole number that an f64 holds exactly.
    pub fn as_i64(&self) -> Option<i64> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        self.as_f64().filter(|x| x.fract() == 0.0 && x.abs() <= EXACT).map(|x| x as i64)
    }
}

pub fn member<'a>(members: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: u32 = 100;

pub fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let value = p.value(0)?;
    p.space();
    match p.s.get(p.i) {
        None => Ok(value),
        Some(_) => Err(p.fail("the end of the document")),
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn fail(&self, want: &str) -> String {
        format!("expected {want} at byte {}", self.i)
    }

    fn space(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let found = self.s.get(self.i) == Some(&b);
        self.i += found as usize;
        found
    }

    fn word(&mut self, word: &str, v: Value) -> Result<Value, String> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.fail("a value"))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.fail("less nesting"));
        }
        self.space();
        match self.s.get(self.i) {
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.fail("`,` or `]`"));
                        }
                    }
                }
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        if self.s.get(self.i) != Some(&b'"') {
                            return Err(self.fail("a member name"));
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err(self.fail("`:`"));
                        }
                        members.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.fail("`,` or `}`"));
                        }
                    }
                }
                Ok(Value::Object(members))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.fail("a value")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.s.get(self.i), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    /// `-12.50e1`: the digits as one whole number and a power of ten, so that numbers with up to 15
    /// digits come out exactly as the nearest f64 (one correctly rounded multiplication or division).
    fn number(&mut self) -> Result<Value, String> {
        let negative = self.s[self.i] == b'-';
        self.i += negative as usize;
        let int_start = self.i;
        let int_len = self.digits();
        if int_len == 0 || (int_len > 1 && self.s[int_start] == b'0') {
            return Err(self.fail("a number"));
        }
        let mut frac_len = 0;
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            frac_len = self.digits();
            if frac_len == 0 {
                return Err(self.fail("digits after `.`"));
            }
        }
        let mut exp: i32 = 0;
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            let minus = self.s.get(self.i) == Some(&b'-');
            self.i += matches!(self.s.get(self.i), Some(b'+' | b'-')) as usize;
            let exp_start = self.i;
            if self.digits() == 0 {
                return Err(self.fail("an exponent"));
            }
            // an absurd exponent just saturates: the number is out of any usable range anyway
            let e = self.s[exp_start..self.i]
                .iter()
                .fold(0i32, |e, d| e.saturating_mul(10).saturating_add((d - b'0') as i32));
            exp = if minus { -e } else { e };
        }
        let mut mantissa: f64 = 0.0;
        for &d in self.s[int_start..self.i].iter().filter(|d| d.is_ascii_digit()).take(int_len + frac_len) {
            mantissa = mantissa * 10.0 + (d - b'0') as f64;
        }
        let exp = exp.saturating_sub(frac_len as i32);
        let scale = 10f64.powi(exp.unsigned_abs().min(400) as i32);
        let x = if exp < 0 { mantissa / scale } else { mantissa * scale };
        Ok(Value::Number(if negative { -x } else { x }))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.s.get(self.i) {
                Some(d @ b'0'..=b'9') => d - b'0',
                Some(d @ b'a'..=b'f') => d - b'a' + 10,
                Some(d @ b'A'..=b'F') => d - b'A' + 10,
                _ => return Err(self.fail("4 hex digits")),
            };
            code = code * 16 + digit as u32;
            self.i += 1;
        }
        Ok(code)
    }

    /// The `\uDC00`–`\uDFFF` escape that completes a high surrogate, when it is next; else the
    /// text stays where it was.
    fn low_surrogate(&mut self) -> Option<u32> {
        let at = self.i;
        self.i += 2;
        match self.hex4() {
            Ok(low) if (0xdc00..0xe000).contains(&low) => Some(low),
            _ => {
                self.i = at;
                None
            }
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while matches!(self.s.get(self.i), Some(&b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // the input is a &str and we stopped at ASCII bytes, so this slice is whole UTF-8
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.fail("text"))?);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let escaped = self.s.get(self.i).copied();
                    self.i += 1;
                    let c = match escaped {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let code = self.hex4()?;
                            let pair = (0xd800..0xdc00).contains(&code) && self.s[self.i..].starts_with(b"\\u");
                            let low = if pair { self.low_surrogate() } else { None };
                            // a surrogate without its other half (`\ud83d\u0041`) is replaced, and
                            // what follows it is read on its own
                            let code = low.map_or(code, |low| 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00));
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return Err(self.fail("an escape")),
                    };
                    out.push(c);
                }
                _ => return Err(self.fail("a closing `\"`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn n(x: f64) -> Value {
        Value::Number(x)
    }

    #[test]
    fn documents() {
        let v = parse(r#" {"a": [1, -2.5, 3e2, 0.05], "b": {"c": null, "d": true, "e": false}, "a2": "x"} "#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Array(vec![n(1.0), n(-2.5), n(300.0), n(0.05)])));
        assert_eq!(v.get("b").unwrap().get("c"), Some(&Value::Null));
        assert_eq!(v.get("b").unwrap().get("d"), Some(&Value::Bool(true)));
        assert_eq!(v.get("a2").and_then(Value::as_str), Some("x"));
        assert_eq!(parse(r#"{"k":1,"k":2}"#).unwrap().get("k"), Some(&n(2.0)), "the last one counts");
        assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
        assert_eq!(parse("{}").unwrap(), Value::Object(vec![]));
    }

    #[test]
    fn a_surrogate_without_its_pair_is_replaced_and_the_rest_kept() {
        assert_eq!(parse(r#""\ud83d\u0041""#).unwrap(), Value::String("\u{fffd}A".into()));
        assert_eq!(parse(r#""\ud83d\ud83d\ude00""#).unwrap(), Value::String("\u{fffd}😀".into()));
        assert_eq!(parse(r#""\udc00x""#).unwrap(), Value::String("\u{fffd}x".into()));
        assert_eq!(parse(r#""\ud83d\u12""#).map_err(|_| ()), Err(()), "a broken escape is still refused");
    }

    #[test]
    fn strings_with_escapes() {
        let v = parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 é""#).unwrap();
        assert_eq!(v, Value::String("a\"b\\c/d\n\té😀 é".into()));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(n(12.0).as_i64(), Some(12));
        assert_eq!(n(-3.0).as_i64(), Some(-3));
        assert_eq!(n(2.5).as_i64(), None);
        assert_eq!(n(1e300).as_i64(), None);
    }

    #[test]
    fn broken_documents_are_errors() {
        for bad in [
            "",
            "{",
            "[1,]",
            "[1 2]",
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"abc",
            "\"\u{1}\"",
            r#""\x""#,
            r#""\u12""#,
            "{} x",
            "nul",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep).is_err(), "too deep is refused, not a stack overflow");
        assert_eq!(parse("[1,]").unwrap_err(), "expected a value at byte 3");
    }

    fn json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            (-1_000_000_000i64..1_000_000_000, 0u32..4)
                .prop_map(|(m, d)| serde_json::json!(m as f64 / 10f64.powi(d as i32))),
            ".*".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::vec(("[a-z]{1,3}", inner), 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
        match (ours, theirs) {
            (Value::Null, serde_json::Value::Null) => true,
            (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
            (Value::Number(a), serde_json::Value::Number(b)) => Some(*a) == b.as_f64(),
            (Value::String(a), serde_json::Value::String(b)) => a == b,
            (Value::Array(a), serde_json::Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
            }
            (Value::Object(a), serde_json::Value::Object(b)) => {
                a.len() == b.len() && b.iter().all(|(k, v)| member(a, k).is_some_and(|x| same(x, v)))
            }
            _ => false,
        }
    }

    proptest! {
        /// Whatever serde_json writes, compact or pretty, reads back as the same values, numbers exactly.
        #[test]
        fn reads_what_serde_json_writes(doc in json()) {
            for text in [serde_json::to_string(&doc).unwrap(), serde_json::to_string_pretty(&doc).unwrap()] {
                let ours = parse(&text).unwrap();
                prop_assert!(same(&ours, &doc), "{text}");
            }
        }

        /// Text written entirely as `\uXXXX` escapes (astral characters as surrogate pairs) and
        /// numbers with exponents read as serde_json reads them.
        #[test]
        fn reads_escapes_and_exponents_as_serde_json_does(text in ".*", m in -1_000_000_000i64..1_000_000_000, e in -22i32..=22) {
            let escaped: String = text.encode_utf16().map(|u| format!("\\u{u:04x}")).collect();
            let doc = format!("[\"{escaped}\", {m}e{e}, {m}E+{}, {m}.5e-{}]", e.abs(), e.abs());
            let theirs: serde_json::Value = serde_json::from_str(&doc).unwrap();
            prop_assert!(same(&parse(&doc).unwrap(), &theirs), "{doc}");
        }
    }
}
