//! The client of api-v1.md: contract shapes, one error type and (in the browser) the transport.

#[cfg(target_arch = "wasm32")]
pub mod client;
pub mod dto;
pub mod error;
pub mod json;
pub mod json_text;
pub mod resources;

pub use error::ApiError;
