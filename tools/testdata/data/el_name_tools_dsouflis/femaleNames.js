export const femaleNames = [
  {"namestext": "Άννα", "gender": "FEMALE", "namedays": [{"case": "fixed", "date": "1970-07-25"}]},
  {"namestext": "Ειρήνη,Ρένα", "gender": "FEMALE", "namedays": [{"case": "fixed", "date": "1970-05-05"}]},
  {"namestext": "Γεωργία,Αθηνά,Χρυσή", "gender": "FEMALE", "namedays": [{"case": "no-nameday"}]}
];
