# Thin aliases: the logic lives in the scripts, so `scripts/test` works without make.
.PHONY: test demo

# make test ARGS="tests/test_servers.py -x"
test:
	scripts/test $(ARGS)

demo:
	scripts/demo
