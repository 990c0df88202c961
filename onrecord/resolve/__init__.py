"""Speaker resolution inside an article, and speaker identity across the archive.

Modules: ``names`` (cheap name finder, titles, gender cues), ``descriptors``
(roles a text gives a person), ``mentions`` (what kind of source a speaker
mention is), ``entities`` (the article's entity table), ``speakers`` (the
``resolve`` pipeline stage), ``identity`` (cross-article decisions).
"""
