//! What the person chooses to keep in this browser, in IndexedDB. Their record: one document
//! (`Stored`), changed one `Edit` at a time inside one transaction (read, apply, write), so that
//! two tabs never write over each other's change; the writer tells the other tabs on a
//! BroadcastChannel. A service's last figures, for offline use (`client::offline`): one copy,
//! replaced whole. Persistent storage is asked for, and forgetting deletes the database.

use std::cell::Cell;
use std::rc::Rc;

use idb::{DatabaseEvent, Event, Factory, ObjectStoreParams, Request, TransactionMode};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::contract::record::{Record, Stored, Unreadable};
use crate::domain::keep::Edit;

const DATABASE: &str = "training-account";
/// The database's own version: the object stores it has. The document's schema is versioned
/// apart (`contract::record::SCHEMA`), so a new field needs no upgrade here.
const VERSION: u32 = 1;
const STORE: &str = "account";
const KEY: &str = "record";
/// The last figures from a service, without the national register number.
const OFFLINE: &str = "offline";
/// Where tabs tell each other that the record changed or was forgotten.
pub const CHANNEL: &str = "training-account-record";

/// Why the record could not be read or kept.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser refused (private mode, storage full or blocked): its words.
    Refused(String),
    /// The stored document is of a newer schema, or not what this app writes.
    Unreadable(Unreadable),
}

impl From<idb::Error> for StoreError {
    fn from(e: idb::Error) -> StoreError {
        StoreError::Refused(e.to_string())
    }
}

/// Opens the database. `create`: make it when there is none; reading alone never does, so that
/// nothing is left in the browser until the person chooses to keep their record. `None`: there is
/// none.
async fn open(create: bool) -> Result<Option<idb::Database>, StoreError> {
    let absent = Rc::new(Cell::new(false));
    let mut request = Factory::new()?.open(DATABASE, Some(VERSION))?;
    let seen = absent.clone();
    request.on_upgrade_needed(move |event| {
        if !create && event.old_version().ok() == Some(0) {
            // the open would create it: undone, and the open fails
            seen.set(true);
            if let Some(tx) = event.target().ok().and_then(|r| r.transaction()) {
                let _ = tx.abort();
            }
            return;
        }
        // version 0 to 1: the one store; later versions add their steps here
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    match request.await {
        Ok(db) => Ok(Some(db)),
        Err(_) if absent.get() => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn read(value: Option<JsValue>) -> Result<Option<Record>, StoreError> {
    value
        .and_then(|v| v.as_string())
        .map(|text| Stored::open(&text).map(|s| s.record).map_err(StoreError::Unreadable))
        .transpose()
}

/// The kept record, or `None` when nothing is kept.
pub async fn load() -> Result<Option<Record>, StoreError> {
    let Some(db) = open(false).await? else { return Ok(None) };
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly)?;
    let value = tx.object_store(STORE)?.get(JsValue::from_str(KEY))?.await?;
    db.close();
    read(value)
}

/// Applies `edit` to the kept record (an empty one when nothing is kept yet) in one transaction,
/// and returns the record as it now is, with every other tab's changes.
pub async fn write(edit: Edit) -> Result<Record, StoreError> {
    let db = open(true).await?.ok_or_else(|| StoreError::Refused("the database was not made".into()))?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadWrite)?;
    let store = tx.object_store(STORE)?;
    let mut record = read(store.get(JsValue::from_str(KEY))?.await?)?.unwrap_or_default();
    edit.apply(&mut record);
    store.put(&JsValue::from_str(&Stored::new(record.clone()).to_json()), Some(&JsValue::from_str(KEY)))?.await?;
    let done = tx.commit()?.await?;
    db.close();
    if !done.is_committed() {
        return Err(StoreError::Refused("the transaction was aborted".into()));
    }
    Ok(record)
}

/// The last figures kept from a service (a copy's JSON, `contract::copy`), or `None`.
pub async fn load_offline() -> Result<Option<String>, StoreError> {
    let Some(db) = open(false).await? else { return Ok(None) };
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly)?;
    let value = tx.object_store(STORE)?.get(JsValue::from_str(OFFLINE))?.await?;
    db.close();
    Ok(value.and_then(|v| v.as_string()))
}

/// Keeps `copy` as the last figures from a service, in place of those kept before.
pub async fn keep_offline(copy: &str) -> Result<(), StoreError> {
    let db = open(true).await?.ok_or_else(|| StoreError::Refused("the database was not made".into()))?;
    let done = put_offline(&db, copy).await;
    db.close();
    match done?.is_committed() {
        true => Ok(()),
        false => Err(StoreError::Refused("the transaction was aborted".into())),
    }
}

async fn put_offline(db: &idb::Database, copy: &str) -> Result<idb::TransactionResult, StoreError> {
    let tx = db.transaction(&[STORE], TransactionMode::ReadWrite)?;
    tx.object_store(STORE)?.put(&JsValue::from_str(copy), Some(&JsValue::from_str(OFFLINE)))?.await?;
    // the transaction's end, however it ends (it commits by itself once nothing is asked of it)
    Ok(tx.await?)
}

/// Deletes the last figures kept from a service; with no record kept either, the database goes
/// too, so that nothing of the app is left in the browser.
pub async fn forget_offline() -> Result<(), StoreError> {
    let Some(db) = open(false).await? else { return Ok(()) };
    let left = delete_offline(&db).await;
    // closed before the database is deleted, which waits for every connection to close
    db.close();
    if left? == 0 {
        forget().await?;
    }
    Ok(())
}

/// Deletes the copy; how many documents are left.
async fn delete_offline(db: &idb::Database) -> Result<u32, StoreError> {
    let tx = db.transaction(&[STORE], TransactionMode::ReadWrite)?;
    let store = tx.object_store(STORE)?;
    store.delete(JsValue::from_str(OFFLINE))?.await?;
    let left = store.count(None)?.await?;
    tx.await?;
    Ok(left)
}

/// Deletes everything this app keeps in the browser.
pub async fn forget() -> Result<(), StoreError> {
    Factory::new()?.delete(DATABASE)?.await?;
    Ok(())
}

fn storage() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// Asks the browser to keep the data until the person deletes it; whether it agreed (`None`
/// where it cannot say).
pub async fn persist() -> Option<bool> {
    let asked = storage()?.persist().ok()?;
    JsFuture::from(asked).await.ok()?.as_bool()
}

/// Whether the browser already agreed to keep the data.
pub async fn persisted() -> Option<bool> {
    let asked = storage()?.persisted().ok()?;
    JsFuture::from(asked).await.ok()?.as_bool()
}

/// Calls `heard` each time another tab changes or forgets the record, until the returned
/// channel is dropped (closed).
pub fn on_change(heard: impl Fn() + 'static) -> Option<Listening> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let callback = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| heard());
    channel.set_onmessage(Some(callback.as_ref().unchecked_ref()));
    Some(Listening { channel, _callback: callback })
}

/// A channel listened to; closed when dropped.
pub struct Listening {
    channel: web_sys::BroadcastChannel,
    _callback: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Listening {
    /// Tells the other tabs (not this one: a channel does not hear itself) to read the record again.
    pub fn announce(&self) {
        let _ = self.channel.post_message(&JsValue::from_str("changed"));
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.channel.close();
    }
}
