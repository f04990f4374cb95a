//! The record a person keeps, while it is open: in memory until they choose to keep it on this
//! device, then in IndexedDB (`client::store`), every change written as one edit. Each change is
//! put in the on-device source at once and `Revision` moves, so every page's figures follow; a
//! change made in another tab is read again when that tab says so.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use crate::client::device::Device;
use crate::client::store::{self, Listening, StoreError};
use crate::contract::record::Record;
use crate::domain::keep::Edit;

/// Moves on every change of the kept record: the resources read from the device track it.
#[derive(Clone, Copy)]
pub struct Revision(pub RwSignal<u64>);

/// Where the record lives now.
#[derive(Clone, Debug, PartialEq)]
pub enum Storage {
    /// In this tab only, until the person chooses to keep it.
    Memory,
    /// In IndexedDB; whether the browser agreed to keep it until it is forgotten.
    Kept { persisted: Option<bool> },
    /// The browser refused: the record stays in this tab.
    Failed(StoreError),
}

/// What the record page says after something happened elsewhere.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Heard {
    ChangedElsewhere,
}

#[derive(Clone, Copy)]
pub struct Keeping {
    device: StoredValue<Arc<Device>>,
    pub record: RwSignal<Record>,
    pub storage: RwSignal<Storage>,
    pub revision: Revision,
    pub heard: RwSignal<Option<Heard>>,
    channel: StoredValue<Option<SendWrapper<Listening>>>,
    /// Back to the start screen (after forgetting, here or in another tab).
    closed: Callback<()>,
}

impl Keeping {
    pub fn new(device: Arc<Device>, storage: Storage, closed: Callback<()>) -> Keeping {
        let keeping = Keeping {
            record: RwSignal::new(device.record()),
            device: StoredValue::new(device),
            storage: RwSignal::new(storage),
            revision: Revision(RwSignal::new(0)),
            heard: RwSignal::new(None),
            channel: StoredValue::new(None),
            closed,
        };
        let listening = store::on_change(move || keeping.reload());
        keeping.channel.set_value(listening.map(SendWrapper::new));
        keeping
    }

    pub fn device(&self) -> Arc<Device> {
        self.device.get_value()
    }

    fn show(&self, record: Record) {
        self.device.with_value(|d| d.replace(record.clone()));
        self.record.set(record);
        self.revision.0.update(|r| *r += 1);
    }

    fn announce(&self) {
        self.channel.with_value(|c| if let Some(c) = c { c.announce() });
    }

    /// Applies a change: at once on screen, and in storage when the record is kept there.
    pub fn edit(self, edit: Edit) {
        if !matches!(self.storage.get_untracked(), Storage::Kept { .. }) {
            let mut record = self.record.get_untracked();
            edit.apply(&mut record);
            self.show(record);
            return;
        }
        spawn_local(async move {
            let backup = edit.clone();
            match store::write(edit).await {
                Ok(record) => {
                    self.show(record);
                    self.announce();
                }
                // the change stays in this tab, and the page says it was not stored
                Err(e) => {
                    let mut record = self.record.get_untracked();
                    backup.apply(&mut record);
                    self.show(record);
                    self.storage.set(Storage::Failed(e));
                }
            }
        });
    }

    /// Keeps the record on this device from now on, and asks the browser to keep it.
    pub fn keep(self) {
        spawn_local(async move {
            let all = Edit::Replace(Box::new(self.record.get_untracked()));
            match store::write(all).await {
                Ok(record) => {
                    self.show(record);
                    self.announce();
                    // kept from now on; asking the browser to keep it for good may wait on the
                    // person (Firefox asks them), and changes made meanwhile must be stored
                    let persisted = store::persisted().await;
                    self.storage.set(Storage::Kept { persisted });
                    if persisted != Some(true) {
                        let asked = store::persist().await;
                        if matches!(self.storage.get_untracked(), Storage::Kept { .. }) {
                            self.storage.set(Storage::Kept { persisted: asked });
                        }
                    }
                }
                Err(e) => self.storage.set(Storage::Failed(e)),
            }
        });
    }

    /// Deletes everything kept on this device, then goes back to the start screen.
    pub fn forget(self) {
        spawn_local(async move {
            match store::forget().await {
                Ok(()) => {
                    self.announce();
                    self.closed.run(());
                }
                Err(e) => self.storage.set(Storage::Failed(e)),
            }
        });
    }

    /// Another tab changed or forgot the record.
    fn reload(self) {
        spawn_local(async move {
            match store::load().await {
                Ok(Some(record)) => {
                    self.show(record);
                    self.heard.set(Some(Heard::ChangedElsewhere));
                }
                Ok(None) => self.closed.run(()),
                Err(e) => self.storage.set(Storage::Failed(e)),
            }
        });
    }
}
