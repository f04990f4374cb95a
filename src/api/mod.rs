//! The client of api-v1.md: contract shapes, one error type and (in the browser) the transport.

#[cfg(target_arch = "wasm32")]
pub mod client;
pub mod dto;
pub mod error;
pub mod json;
pub mod json_text;
pub mod resources;

pub use error::ApiError;

/// Every resource of the account as the service sent it (each body valid JSON), for a copy.
pub struct Everything {
    pub me: String,
    pub carry_over: String,
    /// A year's entitlements and attendance.
    pub years: Vec<(i32, String, String)>,
    pub training_pages: Vec<String>,
}
