//! Words for the contract's codes. A code the app does not know is shown as "Other" with its raw text.

use crate::api::dto::{Basis, Code, ForfeitReason, Funding, RegisteredBy, Status, TrainingType};

pub trait Label: Copy {
    fn label(self) -> &'static str;
}

/// `Completed`, or `Other (POSTPONED)` for a code outside the contract.
pub fn label<T: Label>(code: &Code<T>) -> String {
    match code {
        Code::Known(t) => t.label().to_string(),
        Code::Other(raw) => format!("Other ({raw})"),
    }
}

macro_rules! labels {
    ($t:ty { $($v:ident => $text:literal),+ $(,)? }) => {
        impl Label for $t {
            fn label(self) -> &'static str {
                match self { $(<$t>::$v => $text),+ }
            }
        }
    };
}

labels!(Status { Completed => "Completed", NotAttended => "Not attended", Reserved => "Reserved", Unsuitable => "Unsuitable" });
labels!(TrainingType { Formal => "Formal", Informal => "Informal" });
labels!(Basis { Statutory => "by law", SectoralCba => "sector agreement", Company => "company agreement" });
labels!(Funding { Employer => "Employer", SectorFund => "Sector fund", Public => "Public funding", SelfFunded => "Yourself", Other => "Other" });
labels!(RegisteredBy { Employer => "Employer", Provider => "Training provider", Government => "Government" });
labels!(ForfeitReason { Resignation => "resignation", DismissalSeriousCause => "dismissal for serious cause", Other => "other reason" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_codes() {
        assert_eq!(label(&Code::Known(Status::NotAttended)), "Not attended");
        assert_eq!(label::<Status>(&Code::Other("POSTPONED".into())), "Other (POSTPONED)");
        assert_eq!(label(&Code::Known(Funding::SelfFunded)), "Yourself");
    }
}
