"""slovnet's numpy models, forward pass with fewer copies and the same arithmetic.

slovnet's taggers and parser embed each word (navec's quantised vectors and a shape
vector), run three convolution layers over the sentence and read tags, heads or
relations off the result. Its convolution copies every layer's input twice over
(padding, then the window of each position) in a layout that makes the second copy
walk memory three floats at a time: that copy took a third of the convolution's time
(sampled with py-spy). Here the windows are copied a whole feature vector at a time,
and the embedding is one `take`; every matrix product gets the same operands in the
same layout and every other operation is the same one element by element, so the
output is the same to the bit (tests compare it with slovnet's).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from slovnet.exec.model import CRF, CNNEncoder, Syntax, SyntaxPred, WordShapeEmbedding


def embed(emb: WordShapeEmbedding, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
    """(batch, words, features): navec's vector of each word, then its shape's."""
    navec = emb.word
    codes = navec.codes.array  # quantiser chunk × centroid × values
    chunks, centroids, width = codes.shape
    shapes = emb.shape.weight.array
    out = np.empty((*word_id.shape, chunks * width + shapes.shape[1]), dtype=codes.dtype)
    # codes[chunk, index[chunk]] for every chunk, as one flat gather
    rows = navec.indexes.array[word_id.ravel()] + np.arange(chunks) * centroids
    vectors = np.take(codes.reshape(chunks * centroids, width), rows, axis=0)
    out[..., : chunks * width] = vectors.reshape(*word_id.shape, chunks * width)
    out[..., chunks * width :] = shapes[shape_id]
    return out


def encode(encoder: CNNEncoder, x: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """(batch, words, features) through the convolution layers, padding zeroed after
    each: what slovnet's CNNEncoder gives, laid out word by word."""
    batch, words, _ = x.shape
    for layer in encoder.layers:
        conv, norm = layer.conv, layer.norm
        filters, width, kernel = conv.weight.shape
        pad = conv.padding
        assert words + 2 * pad - kernel + 1 == words, "a convolution that keeps the length"
        padded = np.zeros((batch, words + 2 * pad, width), dtype=x.dtype)
        padded[:, pad : pad + words] = x
        # windows[b, t, i, j] = padded[b, t + j, i]: slovnet's im2col order (feature, then
        # offset), which the product needs to sum in the same order
        windows = np.empty((batch, words, width, kernel), dtype=x.dtype)
        for j in range(kernel):
            windows[..., j] = padded[:, j : j + words]
        weight = conv.weight.array.reshape(filters, width * kernel)
        out = np.matmul(windows.reshape(batch * words, width * kernel), weight.T)
        out += conv.bias.array
        out = out.reshape(batch, words, filters)
        np.clip(out, 0, None, out=out)  # ReLU, as slovnet's `input.clip(0)`
        # BatchNorm: ((x - mean) / std) * weight + bias, one operation at a time
        np.subtract(out, norm.mean.array, out=out)
        np.divide(out, norm.std.array, out=out)
        np.multiply(out, norm.weight.array, out=out)
        np.add(out, norm.bias.array, out=out)
        out[pad_mask] = 0
        x = out
    return x


class Forward:
    """A slovnet Tag (morph, NER) or Syntax module's `__call__`, with `embed` and
    `encode` for its first two steps; its heads are slovnet's own."""

    def __init__(self, module: Any):
        self.module = module
        self.head = module.head
        self.rel = module.rel if isinstance(module, Syntax) else None

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> Any:
        x = encode(self.module.encoder, embed(self.module.emb, word_id, shape_id), pad_mask)
        if self.rel is None:
            return self.head(x)
        head_id = self.head(x)
        return SyntaxPred(head_id, self.rel(x, self.head.decode(head_id, ~pad_mask)))


def viterbi(crf: CRF, emissions: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
    """slovnet's `CRF.decode`: the likeliest tags of each sequence. Each step's best
    scores are taken with `max`, which is the value slovnet gathers at the `argmax` it
    keeps (it builds index grids for that, at every step of a thousand-word article),
    and the way back is read from one array of plain ints."""
    batch_size, seq_len, tags_num = emissions.shape
    emissions = emissions.swapaxes(1, 0)
    mask = mask.swapaxes(1, 0)
    transitions = crf.transitions.array
    history = []
    score = emissions[0]  # batch × tags
    for index in range(1, seq_len):
        step = (score.reshape(batch_size, tags_num, 1) + transitions
                + emissions[index].reshape(batch_size, 1, tags_num))
        history.append(step.argmax(-2))
        score = np.where(mask[index].reshape(batch_size, 1), step.max(-2), score)
    sizes = (mask.sum(0) - 1).tolist()
    back = np.stack(history, axis=1).tolist() if history else [[] for _ in range(batch_size)]
    batch = []
    for index in range(batch_size):
        best = score[index].argmax()
        tags = [best]
        for indexes in reversed(back[index][: sizes[index]]):
            best = indexes[best]
            tags.append(best)
        tags.reverse()
        batch.append(np.array(tags))
    return batch
