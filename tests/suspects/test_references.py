from hatehub.suspects import references


def test_new_references_carry_their_prefix_and_check_character():
    reference = references.new(references.PERSON)
    assert reference.startswith("P-")
    assert references.normalise(reference, references.PERSON) == reference
    assert references.normalise(reference.lower().replace("-", " "), references.PERSON) == (
        reference
    )


def test_a_mistyped_character_is_caught():
    reference = references.new(references.REQUEST)
    body = reference.removeprefix("CD-")
    first = body[0]
    typo = ("1" if first != "1" else "2") + body[1:]
    assert references.normalise(f"CD-{typo}", references.REQUEST) is None


def test_the_prefix_is_optional_when_typed_but_must_be_the_right_one():
    reference = references.new(references.REQUEST)
    body = reference.removeprefix("CD-")
    assert references.normalise(body, references.REQUEST) == reference
    assert references.normalise("x", references.REQUEST) is None
    assert references.normalise("", references.PERSON) is None
