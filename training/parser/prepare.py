"""UD treebanks -> DocBins for the syntax model (same as `warta train parser --step prepare`)."""
from warta.train_parser import prepare

if __name__ == "__main__":
    print(prepare())
