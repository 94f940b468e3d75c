def letter_grade(score):
    """Return the letter grade ("A" to "F") for a score from 0 to 100.

    Raises ValueError when the score is below 0 or above 100.
    """
    if score < 0 or score > 100:
        raise ValueError(f"score must be between 0 and 100, got {score}")
    if score >= 90:
        return "A"
    if score >= 80:
        return "B"
    if score >= 70:
        return "C"
    if score >= 60:
        return "D"
    return "F"
