// Made-up fixture in the shape of src/rules/lexicon.rs: only the two given-name arrays.
const GIVEN_NAMES_GREEK: &[&str] = &[
    "Φιλόστρατος", "Τεστούλα",
];

const GIVEN_NAMES_FOREIGN: &[&str] = &[
    "Μπράνκο",
];
