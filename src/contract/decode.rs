//! JSON text into a contract type, with serde: a refusal says where in the document it is
//! (`items[3].durationMinutes`, tracked by serde_path_to_error) and what serde_json found there.

use std::fmt;

use serde::de::DeserializeOwned;

/// Why a document was not read as the contract describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// The field path, `items[3].durationMinutes`; empty for the document as a whole.
    pub path: String,
    /// serde_json's words, with the line and column.
    pub why: String,
    /// The text is not JSON at all (or ends too early), rather than JSON of another shape.
    pub syntax: bool,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.path.as_str() {
            "" => f.write_str(&self.why),
            path => write!(f, "{path}: {}", self.why),
        }
    }
}

pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, Refusal> {
    let mut json = serde_json::Deserializer::from_str(text);
    let value =
        serde_path_to_error::deserialize(&mut json).map_err(|e| refusal(e.path().to_string(), e.into_inner()))?;
    // a document followed by anything but white space is no document
    json.end().map_err(|e| refusal(String::new(), e))?;
    Ok(value)
}

fn refusal(path: String, e: serde_json::Error) -> Refusal {
    // serde_path_to_error writes the document itself as "."
    let path = if path == "." { String::new() } else { path };
    Refusal { path, syntax: e.is_syntax() || e.is_eof(), why: e.to_string() }
}
