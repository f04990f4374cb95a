//! Reads the contract's JSON field by field from one parsed `Value`. One reader instead of a
//! derived decoder per type keeps the app small, and every problem names its field:
//! `items[3].durationMinutes should be a whole number`.

use super::json_text::{self, member, Value};
use super::{Code, Date, KnownCode};

pub type Bad = String;

/// A JSON object and where it sits in the document, for messages.
pub struct Obj<'a> {
    map: &'a [(String, Value)],
    path: String,
}

pub trait FromJson: Sized {
    fn read(o: &Obj) -> Result<Self, Bad>;
}

/// Parses a whole document into a contract type.
pub fn parse<T: FromJson>(text: &str) -> Result<T, Bad> {
    let value = json_text::parse(text).map_err(|e| format!("not JSON: {e}"))?;
    read_value(&value)
}

/// Reads an already parsed document.
pub fn read_value<T: FromJson>(value: &Value) -> Result<T, Bad> {
    match value {
        Value::Object(map) => T::read(&Obj { map, path: String::new() }),
        _ => Err("the document should be a JSON object".into()),
    }
}

impl<'a> Obj<'a> {
    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn bad<T>(&self, key: &str, want: &str) -> Result<T, Bad> {
        Err(format!("{} should be {want}", self.at(key)))
    }

    /// The value, with a missing field and `null` both meaning absent (the contract's "optional").
    fn get(&self, key: &str) -> Option<&'a Value> {
        member(self.map, key).filter(|v| !matches!(v, Value::Null))
    }

    fn required<T>(&self, key: &str, want: &str, found: Result<Option<T>, Bad>) -> Result<T, Bad> {
        found?.map_or_else(|| self.bad(key, want), Ok)
    }

    pub fn opt_str(&self, key: &str) -> Result<Option<String>, Bad> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => self.bad(key, "text"),
        }
    }

    pub fn str(&self, key: &str) -> Result<String, Bad> {
        self.required(key, "text", self.opt_str(key))
    }

    pub fn opt_num(&self, key: &str) -> Result<Option<f64>, Bad> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_f64().map(Some).map_or_else(|| self.bad(key, "a number"), Ok),
        }
    }

    pub fn num(&self, key: &str) -> Result<f64, Bad> {
        self.required(key, "a number", self.opt_num(key))
    }

    pub fn int(&self, key: &str) -> Result<i32, Bad> {
        match self.get(key).and_then(Value::as_i64).and_then(|n| i32::try_from(n).ok()) {
            Some(n) => Ok(n),
            None => self.bad(key, "a whole number"),
        }
    }

    pub fn count(&self, key: &str) -> Result<u32, Bad> {
        match self.get(key).and_then(Value::as_i64).and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Ok(n),
            None => self.bad(key, "a whole number of 0 or more"),
        }
    }

    pub fn opt_count(&self, key: &str) -> Result<Option<u32>, Bad> {
        self.get(key).map(|_| self.count(key)).transpose()
    }

    pub fn bool(&self, key: &str) -> Result<bool, Bad> {
        match self.get(key) {
            Some(Value::Bool(b)) => Ok(*b),
            _ => self.bad(key, "true or false"),
        }
    }

    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, Bad> {
        self.get(key).map(|_| self.bool(key)).transpose()
    }

    pub fn opt_date(&self, key: &str) -> Result<Option<Date>, Bad> {
        match self.opt_str(key)? {
            None => Ok(None),
            Some(s) => Date::parse(&s).map(Some).map_or_else(|| self.bad(key, "a date (YYYY-MM-DD)"), Ok),
        }
    }

    pub fn date(&self, key: &str) -> Result<Date, Bad> {
        self.required(key, "a date (YYYY-MM-DD)", self.opt_date(key))
    }

    pub fn opt_code<T: KnownCode>(&self, key: &str) -> Result<Option<Code<T>>, Bad> {
        Ok(self.opt_str(key)?.map(|raw| Code::from_raw(&raw)))
    }

    pub fn code<T: KnownCode>(&self, key: &str) -> Result<Code<T>, Bad> {
        self.required(key, "a code", self.opt_code(key))
    }

    pub fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>, Bad> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj { map, path: self.at(key) })),
            Some(_) => self.bad(key, "an object"),
        }
    }

    pub fn obj(&self, key: &str) -> Result<Obj<'a>, Bad> {
        self.required(key, "an object", self.opt_obj(key))
    }

    fn array(&self, key: &str) -> Result<&'a [Value], Bad> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => self.bad(key, "a list"),
        }
    }

    /// A nested contract object.
    pub fn read_obj<T: FromJson>(&self, key: &str) -> Result<T, Bad> {
        T::read(&self.obj(key)?)
    }

    pub fn read_opt_obj<T: FromJson>(&self, key: &str) -> Result<Option<T>, Bad> {
        self.opt_obj(key)?.map(|o| T::read(&o)).transpose()
    }

    /// A list of objects; absent means empty.
    pub fn list<T: FromJson>(&self, key: &str) -> Result<Vec<T>, Bad> {
        let items = self.array(key)?;
        // a plain loop: `collect::<Result<Vec<_>, _>>` costs kilobytes of wasm per item type
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let path = format!("{}[{i}]", self.at(key));
            match v {
                Value::Object(map) => out.push(T::read(&Obj { map, path })?),
                _ => return Err(format!("{path} should be an object")),
            }
        }
        Ok(out)
    }

    /// A list of whole numbers; absent means empty.
    pub fn ints(&self, key: &str) -> Result<Vec<i32>, Bad> {
        let mut out = Vec::new();
        for (i, v) in self.array(key)?.iter().enumerate() {
            match v.as_i64().and_then(|n| i32::try_from(n).ok()) {
                Some(n) => out.push(n),
                None => return Err(format!("{}[{i}] should be a whole number", self.at(key))),
            }
        }
        Ok(out)
    }

    /// A list of texts; absent means empty.
    pub fn strs(&self, key: &str) -> Result<Vec<String>, Bad> {
        let mut out = Vec::new();
        for (i, v) in self.array(key)?.iter().enumerate() {
            match v.as_str() {
                Some(s) => out.push(s.to_string()),
                None => return Err(format!("{}[{i}] should be text", self.at(key))),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Pair {
        name: String,
        n: Option<u32>,
    }

    impl FromJson for Pair {
        fn read(o: &Obj) -> Result<Self, Bad> {
            Ok(Pair { name: o.str("name")?, n: o.opt_count("n")? })
        }
    }

    struct Doc {
        pairs: Vec<Pair>,
    }

    impl FromJson for Doc {
        fn read(o: &Obj) -> Result<Self, Bad> {
            Ok(Doc { pairs: o.list("pairs")? })
        }
    }

    #[test]
    fn reads_and_ignores_unknown_fields() {
        let d: Doc = parse(r#"{"pairs":[{"name":"a","n":2,"extra":[1]},{"name":"b","n":null}],"more":{}}"#).unwrap();
        assert_eq!(d.pairs.len(), 2);
        assert_eq!((d.pairs[0].name.as_str(), d.pairs[0].n, d.pairs[1].n), ("a", Some(2), None));
        assert_eq!(parse::<Doc>("{}").unwrap().pairs.len(), 0);
    }

    #[test]
    fn problems_name_the_field() {
        let e = |s| parse::<Doc>(s).err().unwrap();
        assert_eq!(e(r#"{"pairs":[{"name":"a"},{"name":3}]}"#), "pairs[1].name should be text");
        assert_eq!(e(r#"{"pairs":[{"name":"a","n":-1}]}"#), "pairs[0].n should be a whole number of 0 or more");
        assert_eq!(e(r#"{"pairs":[{}]}"#), "pairs[0].name should be text");
        assert_eq!(e(r#"{"pairs":{}}"#), "pairs should be a list");
        assert_eq!(e(r#"{"pairs":[7]}"#), "pairs[0] should be an object");
        assert_eq!(e("[]"), "the document should be a JSON object");
        assert!(e("{").starts_with("not JSON"));
    }
}
