//! A service's last figures, kept on this device when the person chooses to see them offline:
//! the whole account as a copy (`contract::copy`) without the national register number, in
//! IndexedDB (`client::store`). While the service cannot be reached, the client answers from it
//! (`Fallback`), and says so, with the copy's date, so the pages can mark what they show. A copy
//! kept from another service is never shown. Sign-out and the person's "forget" delete it.

use std::sync::Arc;

use futures::future::LocalBoxFuture;
use futures::lock::Mutex;
use leptos::prelude::{ArcRwSignal, GetUntracked, Set};

use super::device::Device;
use super::store::{self, StoreError};
use super::transport::{service_source, Client, Fallback};
use super::LocalSource;
use crate::contract::copy::{AccountCopy, KeptCopy, FORMAT};
use crate::contract::{ApiError, Date, Me};

/// The copy as read from the device: `None` until it is read, then what was there.
type Read = Option<Option<(Arc<dyn LocalSource>, Date)>>;

#[derive(Clone)]
pub struct Offline {
    /// The service the figures are from, as the client names it.
    source: Option<String>,
    copy: Arc<Mutex<Read>>,
    /// The date of the copy kept, `None` when there is none; unknown (`None` outside) until read.
    pub kept: ArcRwSignal<Option<Option<Date>>>,
    /// The date of the copy an answer on screen came from, while one did.
    pub answered: ArcRwSignal<Option<Date>>,
}

/// Why the figures could not be kept.
#[derive(Clone, Debug, PartialEq)]
pub enum KeepFailure {
    /// The service did not give them all.
    Service(ApiError),
    /// The browser refused to store them, or to delete them: its words.
    Store(String),
}

impl From<StoreError> for KeepFailure {
    fn from(e: StoreError) -> KeepFailure {
        match e {
            StoreError::Refused(why) => KeepFailure::Store(why),
            // the copy is stored as text and read by `KeptCopy::open`: never this
            StoreError::Unreadable(u) => KeepFailure::Store(format!("{u:?}")),
        }
    }
}

impl Offline {
    /// The copy kept from the service at `base`, read when first needed.
    pub fn new(base: &str) -> Offline {
        Offline {
            source: service_source(base),
            copy: Arc::new(Mutex::new(None)),
            kept: ArcRwSignal::new(None),
            answered: ArcRwSignal::new(None),
        }
    }

    /// The kept copy, read from the device once; a copy that does not open, or is of another
    /// service, counts as none.
    async fn read(&self) -> Option<(Arc<dyn LocalSource>, Date)> {
        let mut copy = self.copy.lock().await;
        if copy.is_none() {
            let text = store::load_offline().await.ok().flatten();
            let opened = text.and_then(|t| KeptCopy::open(&t).ok()).filter(|c| c.label.source == self.source);
            let read = opened.and_then(|c| {
                let day = c.label.exported_on?;
                Some((Arc::new(Device::new(c)) as Arc<dyn LocalSource>, day))
            });
            self.kept.set(Some(read.as_ref().map(|(_, day)| *day)));
            *copy = Some(read);
        }
        copy.clone().flatten()
    }

    /// The date of the copy kept, once read (`None`: there is none).
    pub async fn kept_on(&self) -> Option<Date> {
        self.read().await.map(|(_, day)| day)
    }

    /// Asks the service for the whole account (`years_of` reads the years from the profile) and
    /// keeps it, dated `today`, in place of the copy kept before; `Keep::IfKept` only where one
    /// still is when the answers are in (not after the person forgot it meanwhile).
    pub async fn keep(
        &self,
        client: &Client,
        years_of: impl Fn(Option<&Me>) -> Vec<i32>,
        today: Date,
        when: Keep,
    ) -> Result<(), KeepFailure> {
        // from the service itself: a copy answered from the copy would only change its date
        // figures kept to stand in for the service are all of them, or none
        let (all, failed) = client.network_only().everything(years_of).await;
        if let Some((_, e)) = failed.into_iter().next() {
            return Err(KeepFailure::Service(e));
        }
        let all = all.without_ssin().map_err(|r| KeepFailure::Service(r.into()))?;
        let copy = AccountCopy { format: FORMAT, exported_on: today, source: self.source.as_deref(), all: &all }.to_json();
        // held from the check to the write, as `forget` holds it
        let mut read = self.copy.lock().await;
        if when == Keep::IfKept && !matches!(self.kept.get_untracked(), Some(Some(_))) {
            return Ok(());
        }
        store::keep_offline(&copy).await?;
        // read again when next needed
        *read = None;
        self.kept.set(Some(Some(today)));
        Ok(())
    }

    /// Deletes the copy kept.
    pub async fn forget(&self) -> Result<(), KeepFailure> {
        let mut read = self.copy.lock().await;
        store::forget_offline().await?;
        *read = Some(None);
        self.kept.set(Some(None));
        Ok(())
    }
}

/// When `Offline::keep` keeps the figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Keep {
    /// The person's choice: now.
    Now,
    /// An update: only if a copy is still kept.
    IfKept,
}

impl Fallback for Offline {
    fn answer<'a>(&'a self, path: &'a str) -> LocalBoxFuture<'a, Option<String>> {
        Box::pin(async move {
            let (copy, day) = self.read().await?;
            let body = copy.answer(path).ok()?;
            self.answered.set(Some(day));
            Some(body)
        })
    }
}
