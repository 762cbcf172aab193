"""The Word report an executive reads (SPEC §7): data gathered from a stored run
(:mod:`.data`), its words in English and Chinese (:mod:`.texts`), charts (:mod:`.charts`),
Word craft (:mod:`.word`) and the document itself (:mod:`.build`)."""
