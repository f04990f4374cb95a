//! Today, from the browser's clock (chrono's own clock needs a feature that costs 35 KB).

use chrono::NaiveDate;

use crate::contract::Date;

pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).map(Date)
}
