//! Words for the contract's codes. A code the app does not know is shown as "Other" with its raw text.

use crate::contract::{Basis, Code, ForfeitReason, Funding, RegisteredBy, SizeBand, SourceKind, Status, TrainingType};
use crate::i18n::{fill, Texts};

pub trait Label: Copy {
    fn label(self, t: &Texts) -> &'static str;
}

/// `Gevolgd`, or `Andere (POSTPONED)` for a code outside the contract.
pub fn label<T: Label>(t: &Texts, code: &Code<T>) -> String {
    match code {
        Code::Known(c) => c.label(t).to_string(),
        Code::Other(raw) => fill(t.other_code, &[raw]),
    }
}

macro_rules! labels {
    ($t:ty { $($v:ident => $key:ident),+ $(,)? }) => {
        impl Label for $t {
            fn label(self, t: &Texts) -> &'static str {
                match self { $(<$t>::$v => t.$key),+ }
            }
        }
    };
}

labels!(Status {
    Completed => status_completed,
    NotAttended => status_not_attended,
    Reserved => status_reserved,
    Unsuitable => status_unsuitable,
});
labels!(TrainingType { Formal => type_formal, Informal => type_informal });
labels!(Basis { Statutory => basis_statutory, SectoralCba => basis_sectoral, Company => basis_company });
labels!(Funding {
    Employer => funding_employer,
    SectorFund => funding_sector,
    Public => funding_public,
    SelfFunded => funding_self,
    Other => funding_other,
});
labels!(RegisteredBy { Employer => by_employer, Provider => by_provider, Government => by_government });
labels!(SourceKind {
    FlaArchive => source_fla,
    Employer => source_employer,
    Provider => source_provider,
    Other => source_other,
});
labels!(SizeBand { Under10 => size_under_10, From10To19 => size_10_to_19, TwentyOrMore => size_20_or_more });
labels!(ForfeitReason {
    Resignation => forfeit_resignation,
    DismissalSeriousCause => forfeit_dismissal,
    Other => forfeit_other,
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Language};

    #[test]
    fn known_and_unknown_codes() {
        let (en, nl) = (texts(Language::En), texts(Language::Nl));
        assert_eq!(label(en, &Code::Known(Status::NotAttended)), "Not attended");
        assert_eq!(label(nl, &Code::Known(Status::NotAttended)), "Niet gevolgd");
        assert_eq!(label::<Status>(en, &Code::Other("POSTPONED".into())), "Other (POSTPONED)");
        assert_eq!(label::<Status>(texts(Language::De), &Code::Other("X".into())), "Sonstiges (X)");
        assert_eq!(label(texts(Language::Fr), &Code::Known(Funding::SelfFunded)), "Vous-même");
    }
}
