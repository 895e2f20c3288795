"""Turning `ReportInput`s into one sparse feature matrix: text n-grams, place, time, channel and context.

Word n-grams carry meaning; character n-grams (within words) catch the typos and compounds residents
write ("lantarenpaal", "lantaarnpaal", "straatlantaarn"). Context features are scaled down so the text
leads and the context tips the balance.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import sklearn
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from threadpoolctl import threadpool_limits

from classifiers.inputs import ReportInput
from classifiers.text import normalise

META_WEIGHT = 0.3
CONTEXT_WEIGHT = 0.5


def meta_tokens(report: ReportInput) -> dict[str, float]:
    """Categorical facts as one-hot tokens: channel, areas, time of day, weekday, photos, reporter volume."""
    tokens = {f"channel={report.channel or 'unknown'}": 1.0, f"photos={int(report.has_photos)}": 1.0}
    tokens.update({f"area={area}": 1.0 for area in report.areas})
    if report.hour is not None:
        tokens[f"hour={report.hour // 3}"] = 1.0
    if report.weekday is not None:
        tokens[f"weekday={report.weekday}"] = 1.0
    tokens[f"reporter_90d={min(report.reporter_reports_90d, 5)}"] = 1.0
    return tokens


def context_values(report: ReportInput) -> dict[str, float]:
    """Earlier reports around the spot, by category: what is already going on there."""
    values = {f"near50={cat}": math.log1p(n) for cat, n in report.nearby_50m_30d.items() if n}
    values.update({f"near250={cat}": math.log1p(n) for cat, n in report.nearby_250m_30d.items() if n})
    values.update({f"open={cat}": math.exp(-d / 100.0) for cat, d in report.nearest_open_m.items() if d < 500})
    values["near50=all"] = math.log1p(sum(report.nearby_50m_30d.values()))
    return values


def tfidf(vectorizer: TfidfVectorizer, texts: list[str]) -> csr_matrix:
    """The same rows as vectorizer.transform, computed on the counts' arrays: sklearn's input checks and
    scipy's broadcasting products took half of a single proposal's time."""
    counts = CountVectorizer.transform(vectorizer, texts)
    data = counts.data.astype(np.float32)
    np.log(data, out=data)
    data += 1.0  # sublinear tf
    data *= vectorizer.idf_[counts.indices]
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=counts.shape[0]))
    norms[norms == 0] = 1.0
    data /= norms[rows].astype(np.float32)
    return csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape)


def fast_sklearn():
    """Skip scikit-learn's per-call parameter checks: a single proposal must take about a millisecond."""
    return sklearn.config_context(skip_parameter_validation=True, assume_finite=True)


def one_blas_thread():
    """Training's linear algebra on one thread: SciPy's L-BFGS-B (written in C since 1.15) calls BLAS on small
    vectors at every step, and OpenBLAS's threads waiting for a core of a busy machine made one logistic
    regression fit on a queue benchmark fold take 5 to 6 s instead of 0.25 s (scipy/scipy#22438)."""
    return threadpool_limits(limits=1, user_api="blas")


class ReportVectorizer:
    """Fits on training reports and turns any report (empty, emoji-only, very long) into a feature row."""

    def __init__(
        self, use_context: bool = True, max_char_features: int = 150_000, char_ngrams: tuple[int, int] = (2, 5)
    ) -> None:
        self.use_context = use_context
        self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, dtype=np.float32)
        self.chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=char_ngrams,
            min_df=2,
            sublinear_tf=True,
            max_features=max_char_features,
            dtype=np.float32,
        )
        self.meta = DictVectorizer(dtype=np.float32)
        self.context = DictVectorizer(dtype=np.float32)

    def fit_transform(self, reports: Sequence[ReportInput]) -> csr_matrix:
        texts = [normalise(r.text) for r in reports]
        parts = [self.words.fit_transform(texts), self.chars.fit_transform(texts)]
        if self.use_context:
            parts.append(META_WEIGHT * self.meta.fit_transform([meta_tokens(r) for r in reports]))
            parts.append(CONTEXT_WEIGHT * self.context.fit_transform([context_values(r) for r in reports]))
        self._drop_fit_only_state()
        return hstack(parts, format="csr")

    def transform(self, reports: Sequence[ReportInput]) -> csr_matrix:
        texts = [normalise(r.text) for r in reports]
        parts = [tfidf(self.words, texts), tfidf(self.chars, texts)]
        if self.use_context:
            parts.append(META_WEIGHT * self.meta.transform([meta_tokens(r) for r in reports]))
            parts.append(CONTEXT_WEIGHT * self.context.transform([context_values(r) for r in reports]))
        return hstack(parts, format="csr")

    def _drop_fit_only_state(self) -> None:
        """The vectorizers keep every discarded term for introspection; an artifact does not need them."""
        for vectorizer in (self.words, self.chars):
            vectorizer.stop_words_ = None

    @property
    def text_width(self) -> int:
        """How many of the leading columns are text n-grams (words, then characters); context follows them."""
        return len(self.words.vocabulary_) + len(self.chars.vocabulary_)

    def feature_names(self) -> list[str]:
        """Readable names for explanations: words as they are, character n-grams and context marked."""
        names = [f"word:{n}" for n in self.words.get_feature_names_out()]
        names += [f"chars:{n}" for n in self.chars.get_feature_names_out()]
        if self.use_context:
            names += list(self.meta.get_feature_names_out())
            names += list(self.context.get_feature_names_out())
        return names
