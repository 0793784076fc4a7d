//! Closed-class English words the shallow parser needs to find clause structure: auxiliaries,
//! modals, negators, pronouns, subordinators. These are grammar, not dictionary content:
//! actors and verbs always come from the user's dictionaries.

/// Forms of "be" (upper case).
pub fn is_be(w: &str) -> bool {
    matches!(
        w,
        "BE" | "IS" | "ARE" | "WAS" | "WERE" | "BEEN" | "BEING" | "AM" | "'S" | "'RE" | "'M"
    )
}

/// Forms of "do" used as auxiliaries.
pub fn is_do(w: &str) -> bool {
    matches!(w, "DO" | "DOES" | "DID")
}

/// Modal auxiliaries marking future or intention.
pub fn is_future_modal(w: &str) -> bool {
    matches!(w, "WILL" | "WOULD" | "SHALL" | "'LL" | "WO")
}

/// Modal auxiliaries marking possibility or prediction (not a report of an act).
pub fn is_epistemic_modal(w: &str) -> bool {
    matches!(
        w,
        "COULD" | "MAY" | "MIGHT" | "CAN" | "CA" | "MUST" | "SHOULD" | "OUGHT"
    )
}

/// Negators.
pub fn is_negator(w: &str) -> bool {
    matches!(w, "NOT" | "N'T" | "NEVER" | "NO")
}

/// Personal pronouns that can stand for an actor as a clause subject or object.
pub fn is_actor_pronoun(w: &str) -> bool {
    matches!(
        w,
        "HE" | "SHE" | "IT" | "THEY" | "WE" | "I" | "HIM" | "HER" | "THEM"
    )
}

/// Prepositions that open an adverbial -ing clause whose subject is that of the clause
/// it hangs on ("*by* meeting", "*after* signing"). Not "without", which denies the act.
pub fn is_gerund_preposition(w: &str) -> bool {
    matches!(
        w,
        "BY" | "AFTER" | "BEFORE" | "WHILE" | "WHEN" | "SINCE" | "DESPITE" | "UPON"
    )
}

/// Past participles that say who used a thing ("a missile *fired* by rebels", "a bomb
/// *planted* by militants", "a drone *operated* by the army"): the party after "by" is
/// the one acting when the thing strikes.
pub fn is_use_participle(w: &str) -> bool {
    matches!(
        w,
        "FIRED"
            | "LAUNCHED"
            | "DROPPED"
            | "PLANTED"
            | "DETONATED"
            | "THROWN"
            | "FLOWN"
            | "PILOTED"
            | "OPERATED"
            | "DEPLOYED"
            | "SENT"
            | "USED"
    )
}

/// Verbs of aspect that take an -ing complement sharing their subject ("the sides
/// *began* exchanging fire", "police *kept* firing").
pub fn is_aspect_verb(w: &str) -> bool {
    matches!(
        w,
        "BEGIN"
            | "BEGINS"
            | "BEGAN"
            | "BEGUN"
            | "START"
            | "STARTS"
            | "STARTED"
            | "CONTINUE"
            | "CONTINUES"
            | "CONTINUED"
            | "KEEP"
            | "KEEPS"
            | "KEPT"
            | "RESUME"
            | "RESUMES"
            | "RESUMED"
            | "STOP"
            | "STOPS"
            | "STOPPED"
            | "FINISHED"
    )
}

/// Subordinators that open an adverbial clause (the clause has its own subject).
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "AFTER"
            | "BEFORE"
            | "WHEN"
            | "WHILE"
            | "BECAUSE"
            | "ALTHOUGH"
            | "THOUGH"
            | "SINCE"
            | "IF"
            | "UNLESS"
            | "UNTIL"
            | "WHEREAS"
            | "AS"
    )
}

/// Coordinators joining clauses or noun phrases.
pub fn is_coordinator(w: &str) -> bool {
    matches!(w, "AND" | "OR" | "NOR" | "BUT" | "&")
}

/// Prepositions after which an agent takes the actor that follows ("soldiers *from* Gondor",
/// "the government *of* Gondor", "activists *in* Arnor").
pub fn is_agent_linker(w: &str) -> bool {
    matches!(w, "OF" | "IN" | "FROM" | "AT")
}

/// Determiners and possessives allowed at the start of a noun phrase.
pub fn is_np_opener(w: &str) -> bool {
    matches!(
        w,
        "THE"
            | "A"
            | "AN"
            | "ITS"
            | "HIS"
            | "HER"
            | "THEIR"
            | "OUR"
            | "THIS"
            | "THAT"
            | "THESE"
            | "THOSE"
            | "SOME"
            | "ANY"
            | "BOTH"
            | "EACH"
            | "NEITHER"
            | "EITHER"
            | "ALL"
    )
}

/// Words that count what follows "of" ("*dozens* of activists", "*scores* of villagers"):
/// the counted noun phrase, not the count, is the one who acts.
pub fn is_quantity_head(w: &str) -> bool {
    matches!(
        w,
        "DOZENS"
            | "HUNDREDS"
            | "THOUSANDS"
            | "TENS"
            | "MILLIONS"
            | "SCORES"
            | "MANY"
            | "SOME"
            | "SEVERAL"
            | "NUMBER"
            | "GROUP"
            | "CROWD"
            | "CROWDS"
            | "MOST"
            | "ALL"
            | "MEMBERS"
    )
}
