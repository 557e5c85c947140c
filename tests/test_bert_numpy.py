"""The numpy BERT runtime gives the vectors sentence-transformers gives, for the models it covers."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from troly.knowledge import bert_numpy
from troly.knowledge.embeddings import MAX_TOKENS, resolve_model

MODEL_DIR = resolve_model("")[0]
TEXTS = [
    "tang cuong ung dung cong nghe so",
    "Ban Tuyen giao va Dan van Huyen uy chu tri, phoi hop voi cac co quan lien quan to chuc thuc hien.",
    "bao cao ket qua truoc ngay 15/5/2025",
    " ".join(["chuyen doi so quoc gia, khoa hoc cong nghe va doi moi sang tao"] * 30),  # truncated at 128 tokens
    "",
] + [f"nhiem vu so {i}: trien khai ke hoach {i * 7} cua huyen" for i in range(20)]  # several batches, threads


@pytest.fixture(scope="module")
def numpy_bert():
    return bert_numpy.NumpyBert(MODEL_DIR, MAX_TOKENS)


def test_vectors_match_sentence_transformers(numpy_bert):
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(MODEL_DIR, device="cpu")
    st.max_seq_length = MAX_TOKENS
    want = st.encode(TEXTS, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
    got = numpy_bert.encode(TEXTS, normalize_embeddings=True)
    assert got.shape == want.shape == (len(TEXTS), 384) and got.dtype == np.float32
    assert np.abs(got - want).max() < 1e-4
    # each row is its own text's vector, whatever batch or thread computed it
    assert np.allclose(numpy_bert.encode(TEXTS[5:6]), got[5], atol=1e-5)


def test_the_shipped_model_is_covered_and_others_go_to_sentence_transformers(tmp_path):
    assert bert_numpy.supports(MODEL_DIR)
    cls_model = tmp_path / "cls"
    shutil.copytree(MODEL_DIR, cls_model, ignore=shutil.ignore_patterns("model.safetensors"))
    (cls_model / "model.safetensors").symlink_to(f"{MODEL_DIR}/model.safetensors")
    assert bert_numpy.supports(cls_model)
    pooling = cls_model / "1_Pooling" / "config.json"
    pooling.write_text(json.dumps({**json.loads(pooling.read_text()), "pooling_mode_mean_tokens": False,
                                   "pooling_mode_cls_token": True}))
    assert not bert_numpy.supports(cls_model)  # CLS pooling: not this runtime's job
    assert not bert_numpy.supports(tmp_path / "missing")
    assert not bert_numpy.supports("sentence-transformers/all-MiniLM-L6-v2")  # a hub name
