import itertools

from hatehub.core.reference_numbers import ALPHABET, new_reference, normalise


def test_references_are_readable_and_carry_a_valid_check_character():
    reference = new_reference()
    assert len(reference) == 14 and reference.count("-") == 2
    assert set(reference.replace("-", "")) <= set(ALPHABET)
    assert normalise(reference) == reference


def test_typed_variants_are_accepted():
    reference = new_reference()
    typed = reference.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert normalise(typed) == reference


def test_every_single_character_mistake_is_caught():
    reference = new_reference().replace("-", "")
    for position, wrong in itertools.product(range(len(reference)), ALPHABET):
        if wrong == reference[position]:
            continue
        mistyped = reference[:position] + wrong + reference[position + 1 :]
        assert normalise(mistyped) is None


def test_references_do_not_repeat():
    assert len({new_reference() for _ in range(5000)}) == 5000


def test_wrong_length_or_letters_are_rejected():
    assert normalise("ABC") is None
    assert normalise("UUUU-UUUU-UUUU") is None
