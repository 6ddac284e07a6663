"""The main job of `make demo`: summarise the packaged guide."""

import postloss


def main() -> None:
    guide = postloss.load_guide()
    print(f"{guide.title} — content {guide.content_version} (postloss {postloss.__version__})")
    print(f"last reviewed {guide.last_reviewed.isoformat()}, locale {guide.locale}\n")
    for name in ("causes", "timeline_factors", "remedies", "red_flags", "emotional_support", "faq"):
        items = getattr(guide, name)
        print(f"{name.replace('_', ' '):>18}: {len(items):2d} items")
    print(f"\n{guide.disclaimer}")


if __name__ == "__main__":
    main()
