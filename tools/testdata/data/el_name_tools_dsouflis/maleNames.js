export const maleNames = [
  {"namestext": "Αλέξιος,Αλέξης", "gender": "MALE", "namedays": [{"case": "fixed", "date": "1970-03-17"}]},
  {"namestext": "Κωνσταντίνος,Κώστας,Ντίνος", "gender": "MALE", "namedays": [{"case": "fixed", "date": "1970-05-21"}]},
  {"namestext": "Νικόλαος,Νίκος", "gender": "MALE", "namedays": [{"case": "fixed", "date": "1970-12-06"}]},
  {"namestext": "Θεόδωρος,Θοδωρής", "gender": "MALE", "namedays": [{"case": "no-nameday"}]},
  {"namestext": "Γεώργιος,Γιώργος", "gender": "MALE", "namedays": [{"case": "no-nameday"}]},
  {"namestext": "Πέτρος", "gender": "MALE", "namedays": [{"case": "fixed", "date": "1970-06-29"}]},
  {"namestext": "Άγγελος,Αγγελος", "gender": "MALE", "namedays": [{"case": "fixed", "date": "1970-11-08"}]},
  {"namestext": "Φιλόστρατος,Παπαδόπουλος,Τίμων,Γεροντιος,Τεστίλιας", "gender": "MALE", "namedays": [{"case": "no-nameday"}]}
];
