//! The client of api-v1.md: where each resource is and (in the browser) the transport.

#[cfg(target_arch = "wasm32")]
pub mod oidc;
pub mod device;
pub mod resources;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod transport;

pub use crate::contract::ApiError;
#[cfg(target_arch = "wasm32")]
pub use transport::{Client, Credentials};
