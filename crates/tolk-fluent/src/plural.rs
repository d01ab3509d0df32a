//! CLDR plural categories from ICU4X (current CLDR data; the rules inside
//! fluent-bundle are older).

use icu_plurals::{PluralCategory, PluralRules};
use unic_langid::LanguageIdentifier;

fn name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The cardinal plural categories a language uses, in CLDR order
/// (`zero one two few many other`). Languages without data get `other` only.
pub fn plural_categories(langid: &LanguageIdentifier) -> Vec<&'static str> {
    let order = ["zero", "one", "two", "few", "many", "other"];
    let Ok(locale) = icu_locale_core::Locale::try_from_str(&langid.to_string()) else {
        return vec!["other"];
    };
    let Ok(rules) = PluralRules::try_new_cardinal((&locale).into()) else {
        return vec!["other"];
    };
    let found: Vec<&'static str> = rules.categories().map(name).collect();
    order.into_iter().filter(|c| found.contains(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(tag: &str) -> Vec<&'static str> {
        plural_categories(&tag.parse().unwrap())
    }

    #[test]
    fn categories_follow_current_cldr() {
        assert_eq!(cats("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(cats("pl"), ["one", "few", "many", "other"]);
        assert_eq!(cats("en-US"), ["one", "other"]);
        assert_eq!(cats("ja"), ["other"]);
        assert_eq!(cats("zh-CN"), ["other"]);
        // CLDR 42 dropped Hebrew's `many`; old data still has it.
        assert_eq!(cats("he"), ["one", "two", "other"]);
    }
}
