// Counts how many words in a sentence start with a capital letter.
function countCapitalised(sentence) {
  let count = 0;
  for (const word of sentence.split(' ')) {
    if (word[0] === word[0].toLowerCase()) {
      count++;
    }
  }
  return count;
}

console.log(countCapitalised('Ada Lovelace wrote the First program'));
