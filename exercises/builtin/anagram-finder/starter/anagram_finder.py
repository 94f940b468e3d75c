def find_anagrams(word, candidates):
    """Return the candidates that are anagrams of ``word``, ignoring case.

    A word is not its own anagram. The result keeps the candidates' order and spelling.
    """
    raise NotImplementedError("Remove this line and implement the function")
