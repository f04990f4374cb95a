//! The client of api-v1.md: where each resource is and (in the browser) the transport.

#[cfg(target_arch = "wasm32")]
pub mod oidc;
pub mod device;
#[cfg(target_arch = "wasm32")]
pub mod offline;
pub mod resources;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod transport;

pub use crate::contract::ApiError;

/// A source on this device (`device::Device`: an opened copy or a kept record) that answers the
/// contract's paths in place of a service. A trait, so that a build which never opens one (the
/// widget) carries none of its code.
pub trait LocalSource: std::fmt::Debug + Send + Sync {
    /// The body a service would answer for `path`, or the error it would.
    fn answer(&self, path: &str) -> Result<String, ApiError>;
    /// The service the data came from, as it says of itself.
    fn source(&self) -> Option<String>;
}
#[cfg(target_arch = "wasm32")]
pub use transport::{Client, Credentials};
