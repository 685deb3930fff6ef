"""The run package's pinned reasons: where it leans on a library's behaviour beyond its
public API, a test here fails when that library changes under it (see each module's
docstring: ``run/engine.py``, ``run/kernels.py``, ``run/lean_imports.py``)."""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
from pathlib import Path

# The digests of the library code each piece was written against (papermill 2.7.0,
# jupyter_client 8.10.0). A change means: read the new code, carry it over, update here.
EXECUTE_NOTEBOOK = "6bda1b1eb72aa8b3863dc34ed5b1843c980b59b92352d00a4b7468edb7945bc8"
WAIT_FOR_READY = "0d732ad86fea311502a6bfc53d8b1be6055f3813ec4f13ef717f8adbbd37ec56"
KERNEL_INFO_REPLY = "0ccf6064c6489923e641b1cebe14f2e444c880f3a967fc06577522648f96e13e"


def _digest(function: object) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()  # type: ignore[arg-type]


def test_the_engine_copies_papermills_execute_notebook() -> None:
    """``ReportEngine.execute_notebook`` is papermill's with the manager class swapped."""
    from papermill.engines import Engine, papermill_engines

    from communitykit.run.engine import ENGINE, FinalSaveManager, ReportEngine

    assert _digest(Engine.execute_notebook) == EXECUTE_NOTEBOOK, (
        "papermill changed Engine.execute_notebook: carry the change into "
        "communitykit/run/engine.py, then update EXECUTE_NOTEBOOK")
    ours = inspect.getsource(ReportEngine.execute_notebook)
    assert "FinalSaveManager(" in ours and "NotebookExecutionManager(" not in ours
    assert issubclass(FinalSaveManager, Engine.execute_notebook.__globals__[
        "NotebookExecutionManager"])
    assert papermill_engines.get_engine(ENGINE) is ReportEngine


def test_the_kernel_client_leaves_out_only_the_wait_for_silence() -> None:
    """``PromptKernelClient.wait_for_ready`` is jupyter_client's without its final wait
    for 0.2 s of IOPub silence; its protocol adaptation does what jupyter_client's does."""
    from jupyter_client.asynchronous import AsyncKernelClient

    from communitykit.run.kernels import PromptKernelClient

    wait = AsyncKernelClient.wait_for_ready
    assert _digest(wait) == WAIT_FOR_READY, (
        "jupyter_client changed wait_for_ready: check that it still ends by waiting for "
        "IOPub silence (else drop PromptKernelClient), carry other changes into "
        "communitykit/run/kernels.py, then update WAIT_FOR_READY")
    assert "iopub_channel.get_msg(timeout=0.2)" in inspect.getsource(wait)
    adapt = AsyncKernelClient._handle_kernel_info_reply
    assert _digest(adapt) == KERNEL_INFO_REPLY, (
        "jupyter_client changed how a kernel_info reply is handled: carry it into "
        "PromptKernelClient.adapt_protocol, then update KERNEL_INFO_REPLY")
    for version in ("5.3", "4.1", "6.0"):
        reply = {"content": {"protocol_version": version}}
        theirs, ours = AsyncKernelClient(), PromptKernelClient()
        adapt(theirs, reply)
        ours.adapt_protocol(reply)
        assert ours.session.adapt_version == theirs.session.adapt_version, version


def test_jsonschema_still_imports_the_iri_grammar_unless_told_it_is_absent() -> None:
    """``lean_imports`` is worth keeping while jsonschema imports ``rfc3987_syntax`` when
    its format module loads (skipping it on ImportError), and nbformat imports jsonschema
    whichever validator it is set to use."""
    spec = importlib.util.find_spec("jsonschema._format")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    assert "with suppress(ImportError):\n        from rfc3987_syntax import" in source, (
        "jsonschema no longer imports rfc3987_syntax this way: communitykit/run/"
        "lean_imports.py may be dropped (or must change)")
    compat = importlib.util.find_spec("nbformat.json_compat")
    assert compat is not None and compat.origin is not None
    assert "\nimport jsonschema\n" in Path(compat.origin).read_text(encoding="utf-8")
