"""The commands above the pipeline's stages: translation (translate, check, status), release, new, candidates."""
