# Sourced by the GPU training scripts (gpu_train.sh, gpu_sweep.sh); not run on its own.
#
# check_training_data NAME: exit 2 with a message unless .data holds what training needs.
# make_tagger_stub: print a new folder holding a stub onrecord package with only the tagger's pure
# modules, so that nothing else of onrecord (spaCy, click, ...) is imported on a bare GPU machine.

check_training_data() {
  if [ ! -f .data/train.npz ] || [ ! -f .data/dev.json ] || [ ! -f .data/minilm/model.safetensors ]; then
    echo "$1: .data is missing or incomplete: run scripts/prepare_training.py here and carry .data"
    ls -la .data 2>&1
    exit 2
  fi
}

make_tagger_stub() {
  local stub
  stub=$(mktemp -d /tmp/onrecord_stub.XXXXXX)
  mkdir -p "$stub/onrecord/attribution"
  : > "$stub/onrecord/__init__.py"
  : > "$stub/onrecord/attribution/__init__.py"
  cp onrecord/attribution/tagging.py onrecord/attribution/minilm.py onrecord/attribution/corpus.py \
     onrecord/attribution/train.py "$stub/onrecord/attribution/"
  echo "$stub"
}
